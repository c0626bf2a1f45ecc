using Microsoft.Extensions.FileProviders;

namespace PileRig.Host.Composition;

/// <summary>
/// Serves the built web client (web/dist, built by scripts/run and scripts/test) on the API's origin: the PC app under
/// /app/, the phone app under /m/, their files under /assets/. Paths inside the apps fall back to their page so a
/// reload or a shared link works.
/// </summary>
public static class WebClientComposition
{
    public static void AddWebClient(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/wasm", "image/svg+xml"];
        });

    public static void UseWebClient(this WebApplication app)
    {
        var configured = app.Configuration["PileRig:Web:Root"];
        var root = Path.GetFullPath(configured ?? Path.Combine(app.Environment.ContentRootPath, "..", "..", "..", "web", "dist"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.MapGet("/app/{**path}", () => Results.Text("The web client is not built: scripts/run builds it (web/dist).", statusCode: 503))
                .ExcludeFromDescription();
            return;
        }

        var files = new PhysicalFileProvider(root);
        // Compressed on the way out (Brotli, else gzip): a phone on 4G downloads a third of the bytes. Only the client's
        // own files: API answers carry secrets next to user input, which compression would expose (BREACH).
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/assets"), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Hashed file names: cache for a year. The pages themselves are always revalidated.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = c.File.Name.EndsWith(".html", StringComparison.Ordinal)
                ? "no-cache"
                : "public, max-age=31536000, immutable",
        });
        IResult Page(string name) => Results.File(Path.Combine(root, name), "text/html; charset=utf-8");
        app.MapGet("/", () => Results.Redirect("/app/")).ExcludeFromDescription();
        app.MapGet("/app/{**path}", () => Page("index.html")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/m/{**path}", () => Page("m.html")).ExcludeFromDescription().AllowAnonymous();
    }
}
