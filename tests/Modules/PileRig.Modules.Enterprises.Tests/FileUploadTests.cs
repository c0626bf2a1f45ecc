using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Enterprises.Tests;

public sealed class FileUploadTests(PileRigHost host)
{
    [Theory]
    [InlineData("scan.pdf", "application/pdf")]
    [InlineData("photo.png", "image/png")]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("no-extension", "application/pdf")]
    public async Task Jpeg_png_and_pdf_are_accepted_by_their_content(string name, string expectedType)
    {
        var firm = await host.NewFirmAsync();
        var bytes = expectedType switch { "image/png" => TestFiles.Png, "image/jpeg" => TestFiles.Jpeg, _ => TestFiles.Pdf };

        var uploaded = await (await firm.Client.UploadAsync(bytes, name)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        uploaded.Str("contentType").ShouldBe(expectedType);
        uploaded.Str("originalName").ShouldBe(name);
        uploaded.Str("sha256").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task A_file_whose_content_is_not_an_image_or_pdf_is_refused_whatever_its_name_says()
    {
        var firm = await host.NewFirmAsync();

        var response = await firm.Client.UploadAsync(TestFiles.TextPretendingToBeJpeg, "certificate.jpg", "image/jpeg");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("file").ShouldBe(["files.unsupported_type"]);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_naming_the_limit()
    {
        var firm = await host.NewFirmAsync();
        var big = new byte[(1024 * 1024) + 1];
        TestFiles.Pdf.CopyTo(big, 0);

        var response = await firm.Client.UploadAsync(big, "big.pdf");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem.FieldCodes("file").ShouldBe(["files.too_large"]);
        problem.Str("detail").ShouldContain("1 MB");
    }

    [Fact]
    public async Task An_upload_is_attached_only_by_the_account_that_made_it()
    {
        var firm = await host.NewFirmAsync();
        var theirs = await firm.Client.UploadPdfAsync();
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("rig_owner");
        await client.SignInWithTokenAsync(credentials);

        var response = await client.SubmitProfileAsync(Scenarios.Profile(TestData.CreditCode(), theirs));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("documentFileId").ShouldBe(["files.unknown"]);
    }

    [Fact]
    public async Task A_stored_file_is_served_back_by_its_hash_with_its_sniffed_type_to_signed_in_readers_only()
    {
        var firm = await host.NewFirmAsync();
        var uploaded = await (await firm.Client.UploadAsync(TestFiles.Png, "资质证书.png", "application/octet-stream")).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var response = await firm.Client.GetAsync($"/api/v1/files/{uploaded.Str("sha256")}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(TestFiles.Png);
        await (await firm.Client.GetAsync($"/api/v1/files/{new string('0', 64)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        using var anonymous = host.NewClient();
        await (await anonymous.GetAsync($"/api/v1/files/{uploaded.Str("sha256")}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Uploading_needs_a_signed_in_account()
    {
        using var anonymous = host.NewClient();

        await (await anonymous.UploadAsync(TestFiles.Pdf, "x.pdf")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}
