namespace PileRig.BuildingBlocks.Files;

/// <summary>Decides a file's type from its first bytes; the name and the client's Content-Type are never trusted.</summary>
public static class FileContentSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    /// <summary>The content type for a JPEG, PNG or PDF header; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (head.StartsWith(PngMagic))
        {
            return Png;
        }

        return head.StartsWith(PdfMagic) ? Pdf : null;
    }
}
