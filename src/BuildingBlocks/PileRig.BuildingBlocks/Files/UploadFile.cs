using System.Security.Cryptography;
using Marten;
using Mediator;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Values;

namespace PileRig.BuildingBlocks.Files;

/// <summary>Store an uploaded file; answers with the upload's id for a later command to attach.</summary>
public sealed record UploadFile(string FileName, byte[] Content) : ICommand<UploadedFileView>;

public sealed record UploadedFileView(Guid Id, string Sha256, long Size, string ContentType, string OriginalName);

public sealed class UploadFileHandler(IDocumentSession session, IFileStore store, IOptions<FileStoreOptions> options,
    RequestContext context, TimeProvider clock) : ICommandHandler<UploadFile, UploadedFileView>
{
    public async ValueTask<UploadedFileView> Handle(UploadFile command, CancellationToken cancellationToken)
    {
        if (command.Content.Length == 0)
        {
            throw new InputValidationException("file", FileRules.Empty);
        }

        if (command.Content.Length > options.Value.MaxBytes)
        {
            throw new InputValidationException("file", FileRules.TooLarge, ("maxMegabytes", options.Value.MaxMegabytes));
        }

        var contentType = FileContentSniffer.Sniff(command.Content)
            ?? throw new InputValidationException("file", FileRules.UnsupportedType);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content));
        await store.PutAsync(sha256, command.Content, cancellationToken);

        var actor = context.Actor;
        // The name is the phone's to choose; only what can be shown is kept (a NUL cannot even be stored).
        var name = Path.GetFileName(new string(command.FileName.Replace('\\', '/').Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim());
        var upload = new UploadedFile(Guid.CreateVersion7(), sha256, command.Content.Length, contentType,
            string.IsNullOrWhiteSpace(name) ? "upload" : name[..Math.Min(name.Length, 200)],
            actor.AccountId, actor.EnterpriseId, clock.GetUtcNow());
        session.Store(upload);
        return new UploadedFileView(upload.Id, upload.Sha256, upload.Size, upload.ContentType, upload.OriginalName);
    }
}

/// <summary>Resolves an upload id a command names into the file reference its event records.</summary>
public static class UploadedFiles
{
    public static async Task<UploadedFile> RequireOwnAsync(this IQuerySession session, Guid uploadId, Guid accountId,
        string field, CancellationToken cancellationToken) =>
        RequireOwn(await session.LoadAsync<UploadedFile>(uploadId, cancellationToken), accountId, field);

    /// <summary>An upload read already (in a batch with other reads): the account's own, or 400 naming the field.</summary>
    public static UploadedFile RequireOwn(UploadedFile? upload, Guid accountId, string field) =>
        upload is not null && upload.UploadedBy == accountId ? upload : throw new InputValidationException(field, FileRules.Unknown);

    /// <summary>Several uploads (photos) as file references, each the account's own; a bad one is named by its index.</summary>
    public static async Task<List<StoredFileRef>> RequireOwnManyAsync(this IQuerySession session, IReadOnlyList<Guid>? uploadIds, Guid accountId,
        string field, CancellationToken cancellationToken)
    {
        var files = new List<StoredFileRef>();
        for (var i = 0; i < (uploadIds?.Count ?? 0); i++)
        {
            files.Add((await session.RequireOwnAsync(uploadIds![i], accountId, $"{field}[{i}]", cancellationToken)).ToRef());
        }

        return files;
    }
}
