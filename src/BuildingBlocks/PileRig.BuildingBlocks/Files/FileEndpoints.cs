using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Errors;
using Marten;
using PileRig.BuildingBlocks.Http;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Files;

public static class FileEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/files", Upload)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Files")
            .WithSummary("Upload a JPEG, PNG or PDF (multipart field 'file'); attach it to a command by the returned id")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/files/{sha256}", Download)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Files")
            .WithSummary("A stored file by its SHA-256, as records show it (certificate, photos, entry form); inline, with its sniffed type")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // The 256-bit hash is the capability: it is only learned from a record the reader was allowed to see.
    private static async Task<IResult> Download(string sha256, IQuerySession session, IFileStore store, CancellationToken cancellationToken)
    {
        var hash = sha256.ToLowerInvariant();
        var upload = hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower)
            ? await session.Query<UploadedFile>().Where(f => f.Sha256 == hash).FirstOrDefaultAsync(cancellationToken)
            : null;
        var content = upload is null ? null : await store.OpenAsync(hash, cancellationToken);
        return content is null
            ? throw new RuleViolationException(CommonRules.NotFound)
            : Results.File(content, upload!.ContentType, upload.OriginalName, enableRangeProcessing: true);
    }

    // The form is read by hand (not bound as IFormFile) so the host's own anti-forgery check, which also covers
    // JSON commands, is the only one; bearer clients need none.
    private static async Task<IResult> Upload(HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new InputValidationException("file", FileRules.Empty);
        }

        using var buffer = new MemoryStream();
        string fileName;
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", FileRules.Empty);
            fileName = file.FileName;
            await file.CopyToAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A connection cut mid-upload, a missing boundary, a part without its end: the phone sends it again.
            throw new InputValidationException("file", FileRules.Incomplete);
        }

        var uploaded = await sender.Send(new UploadFile(fileName, buffer.ToArray()), cancellationToken);
        return TypedResults.Created($"/api/v1/files/{uploaded.Id}", uploaded);
    }
}
