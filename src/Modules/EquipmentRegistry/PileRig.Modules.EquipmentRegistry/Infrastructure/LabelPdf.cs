using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>
/// The label sheet as a PDF: A4, 3 × 7 labels of 63.5 × 38.1 mm (the same layout as the print page), QR modules drawn
/// as filled rectangles (crisp at any printer resolution). Text is drawn in runs: CJK characters in the bundled Droid Sans
/// Fallback, everything else (serials, codes, English) in the bundled DejaVu Sans, which has the Latin glyphs Droid lacks.
/// </summary>
public static class LabelPdf
{
    private const double Mm = 72 / 25.4;
    private const int Columns = 3;
    private const int Rows = 7;
    private const double LabelWidth = 63.5 * Mm;
    private const double LabelHeight = 38.1 * Mm;
    private const double Left = 7.2 * Mm;
    private const double Top = 15.15 * Mm;
    private const double Gap = 2.5 * Mm;
    private const double Symbol = 34 * Mm;

    static LabelPdf()
    {
        // Process-wide in PDFsharp: set once, before the first font is used.
        GlobalFontSettings.FontResolver ??= new BundledFontResolver();
    }

    public static byte[] Sheet(string title, IReadOnlyList<LabelItem> items)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        var kindFont = new LabelFont(11, XFontStyleEx.Bold);
        var smallFont = new LabelFont(6.5, XFontStyleEx.Regular);
        var serialFont = new LabelFont(8.5, XFontStyleEx.Regular);
        XGraphics? graphics = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (i % (Columns * Rows) == 0)
            {
                graphics?.Dispose();
                var page = document.AddPage();
                page.Width = XUnit.FromMillimeter(210);
                page.Height = XUnit.FromMillimeter(297);
                graphics = XGraphics.FromPdfPage(page);
            }

            var slot = i % (Columns * Rows);
            var x = Left + (slot % Columns * (LabelWidth + Gap));
            var y = Top + (slot / Columns * LabelHeight);
            DrawLabel(graphics!, items[i], x, y, kindFont, smallFont, serialFont);
        }

        graphics?.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void DrawLabel(XGraphics g, LabelItem item, double x, double y, LabelFont kindFont, LabelFont smallFont, LabelFont serialFont)
    {
        var matrix = Labels.Encode(item.Url).ModuleMatrix;
        var module = Symbol / matrix.Count;
        var symbolTop = y + ((LabelHeight - Symbol) / 2);
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix.Count; column++)
            {
                if (matrix[row][column])
                {
                    // A hair of overlap so adjacent modules print without white seams.
                    g.DrawRectangle(XBrushes.Black, x + 1 + (column * module), symbolTop + (row * module), module + 0.05, module + 0.05);
                }
            }
        }

        var textX = x + Symbol + (3 * Mm);
        kindFont.Draw(g, item.KindZh, XBrushes.Black, textX, y + (9 * Mm));
        smallFont.Draw(g, item.KindEn, XBrushes.Black, textX, y + (13 * Mm));
        serialFont.Draw(g, item.Serial, XBrushes.Black, textX, y + (20 * Mm));
        smallFont.Draw(g, item.RigShortId, XBrushes.Black, textX, y + (26 * Mm));
        smallFont.Draw(g, "PileRig 甬桩工机械", XBrushes.DarkGray, textX, y + (33 * Mm));
    }

    /// <summary>One size and style in both bundled faces; draws a string as runs of whichever face has its glyphs.</summary>
    private sealed class LabelFont(double size, XFontStyleEx style)
    {
        private readonly XFont _cjk = new(BundledFontResolver.CjkFamily, size, style);
        private readonly XFont _latin = new(BundledFontResolver.LatinFamily, size, style);

        public void Draw(XGraphics g, string text, XBrush brush, double x, double y)
        {
            var start = 0;
            while (start < text.Length)
            {
                var cjk = IsCjk(text[start]);
                var end = start + 1;
                while (end < text.Length && IsCjk(text[end]) == cjk)
                {
                    end++;
                }

                var run = text[start..end];
                var font = cjk ? _cjk : _latin;
                g.DrawString(run, font, brush, new XPoint(x, y));
                x += g.MeasureString(run, font).Width;
                start = end;
            }
        }

        // From CJK radicals on: ideographs, CJK punctuation and full-width forms are all in Droid Sans Fallback.
        private static bool IsCjk(char c) => c >= '\u2E80';
    }

    private sealed class BundledFontResolver : IFontResolver
    {
        public const string CjkFamily = "PileRig CJK";
        public const string LatinFamily = "PileRig Latin";
        private const string CjkFace = "DroidSansFallbackFull";
        private const string LatinFace = "DejaVuSans";
        private static readonly Lazy<byte[]> Cjk = new(() => Load(CjkFace));
        private static readonly Lazy<byte[]> Latin = new(() => Load(LatinFace));

        // One face per family; bold and italic are simulated.
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(familyName == LatinFamily ? LatinFace : CjkFace, bold, italic);

        public byte[] GetFont(string faceName) => faceName == LatinFace ? Latin.Value : Cjk.Value;

        private static byte[] Load(string face)
        {
            using var resource = typeof(LabelPdf).Assembly.GetManifestResourceStream($"PileRig.Fonts.{face}.ttf")
                ?? throw new InvalidOperationException($"The bundled label font {face} is missing from the assembly.");
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
