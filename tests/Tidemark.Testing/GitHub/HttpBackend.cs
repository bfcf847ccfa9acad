using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// Runs <c>git http-backend</c> as a CGI program: request body streamed to stdin, CGI headers parsed from
/// stdout, the rest streamed back. The pushing token is passed to the hook by id (GIT_SIM_TOKEN_ID), never by value.
/// </summary>
internal static class HttpBackend
{
    public static async Task RunAsync(HttpContext context, SimulatorContext sim, SimRepository repository, SimToken? token, string path)
    {
        var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = null;
        }

        using var process = Process.Start(StartInfo(context, sim, repository, token, path))
            ?? throw new InvalidOperationException("git http-backend did not start");
        var stderr = process.StandardError.ReadToEndAsync(context.RequestAborted);
        var input = CopyInputAsync(context, process);
        var output = process.StandardOutput.BaseStream;
        await WriteHeadersAsync(context, output);
        await output.CopyToAsync(context.Response.Body, context.RequestAborted);
        await input;
        await process.WaitForExitAsync(context.RequestAborted);
        await stderr;
    }

    private static ProcessStartInfo StartInfo(HttpContext context, SimulatorContext sim, SimRepository repository, SimToken? token, string path)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git", ["http-backend"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        GitRunner.ApplyEnvironment(env, sim.DataDirectory);
        env["GIT_PROJECT_ROOT"] = sim.RepositoriesRoot;
        env["GIT_HTTP_EXPORT_ALL"] = "1";
        env["PATH_INFO"] = $"/{repository.Owner.Login}/{repository.Name}.git/{path}";
        env["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        env["REQUEST_METHOD"] = request.Method;
        env["CONTENT_TYPE"] = request.ContentType ?? "";
        env["REMOTE_USER"] = token?.Login ?? "";
        env["REMOTE_ADDR"] = "127.0.0.1";
        env["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString();
        env["GIT_PROTOCOL"] = request.Headers["Git-Protocol"].ToString();
        if (request.ContentLength is { } length)
        {
            env["CONTENT_LENGTH"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        env["GIT_SIM_TOKEN_ID"] = token?.Id ?? "";
        env["GIT_SIM_HOOK_PORT"] = sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["GIT_SIM_HOOK_PATH"] = $"/_simulator/hooks/{repository.Owner.Login}/{repository.Name}";
        env["GIT_SIM_HOOK_SECRET"] = sim.HookSecret;
        return start;
    }

    private static async Task CopyInputAsync(HttpContext context, Process process)
    {
        try
        {
            await context.Request.Body.CopyToAsync(process.StandardInput.BaseStream, context.RequestAborted);
        }
        finally
        {
            process.StandardInput.Close();
        }
    }

    /// <summary>Reads CGI headers up to the blank line; "Status: 404 Not Found" sets the status code.</summary>
    private static async Task WriteHeadersAsync(HttpContext context, Stream output)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await output.ReadAsync(buffer, context.RequestAborted) == 1)
        {
            if (buffer[0] == '\r')
            {
                continue;
            }

            if (buffer[0] != '\n')
            {
                line.Append((char)buffer[0]);
                continue;
            }

            if (line.Length == 0)
            {
                return;
            }

            Apply(context.Response, line.ToString());
            line.Clear();
        }
    }

    private static void Apply(HttpResponse response, string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }

        var name = header[..colon].Trim();
        var value = header[(colon + 1)..].Trim();
        if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            response.Headers.Append(name, value);
        }
    }
}
