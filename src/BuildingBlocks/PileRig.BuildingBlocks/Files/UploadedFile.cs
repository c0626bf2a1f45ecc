using PileRig.SharedKernel.Values;

namespace PileRig.BuildingBlocks.Files;

/// <summary>
/// One upload by one account: the content's hash plus what the user called it. Commands refer to an upload by its id,
/// and only the account that uploaded it may attach it, so nobody can attach another enterprise's document.
/// </summary>
public sealed record UploadedFile(
    Guid Id,
    string Sha256,
    long Size,
    string ContentType,
    string OriginalName,
    Guid UploadedBy,
    Guid? EnterpriseId,
    DateTimeOffset UploadedAt)
{
    public StoredFileRef ToRef() => new(Sha256, Size, ContentType, OriginalName);
}
