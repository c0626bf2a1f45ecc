using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;

namespace PileRig.BuildingBlocks.Files;

public static class FileEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/files", Upload)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Files")
            .WithSummary("Upload a JPEG, PNG or PDF (multipart field 'file'); attach it to a command by the returned id")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    // The form is read by hand (not bound as IFormFile) so the host's own anti-forgery check, which also covers
    // JSON commands, is the only one; bearer clients need none.
    private static async Task<IResult> Upload(HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new InputValidationException("file", FileRules.Empty);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", FileRules.Empty);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var uploaded = await sender.Send(new UploadFile(file.FileName, buffer.ToArray()), cancellationToken);
        return TypedResults.Created($"/api/v1/files/{uploaded.Id}", uploaded);
    }
}
