using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tidemark.Registries;

/// <summary>
/// Runs <c>docker-credential-&lt;name&gt; get</c> with the server URL on stdin and reads
/// <c>{"ServerURL","Username","Secret"}</c> from stdout, as the docker-credential-helpers protocol specifies
/// (https://github.com/docker/docker-credential-helpers). Argument list and environment are explicit.
/// </summary>
internal sealed partial class CredentialHelperRunner(CredentialHelperOptions options, TimeProvider timeProvider)
{
    private const string NotFoundMessage = "credentials not found";

    public async Task<RegistryCredential?> GetAsync(string helper, string registry, CancellationToken cancellationToken)
    {
        var executable = Locate(helper);
        using var process = Start(executable);
        var serverUrl = RegistryHost.IsDockerHub(RegistryHost.Canonical(registry)) ? RegistryHost.DockerHubConfigKey : registry;
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            await WriteServerUrlAsync(process, serverUrl, linked.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw Failure(helper, registry, $"it did not answer within {options.Timeout.TotalSeconds:0.#} s");
            }

            throw;
        }

        return Interpret(helper, registry, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>
    /// A helper that fails may exit before reading its stdin (e.g. "keychain locked"): the write then meets a closed pipe
    /// (EPIPE), which is not the failure to report — its exit code and stderr are.
    /// </summary>
    private static async Task WriteServerUrlAsync(Process process, string serverUrl, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(serverUrl.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // the helper closed its stdin; its exit code and stderr say why
        }
    }

    private string Locate(string helper)
    {
        if (!HelperName().IsMatch(helper))
        {
            throw Failure(helper, "", "the helper name may only hold letters, digits, '.', '_' and '-'");
        }

        var file = "docker-credential-" + helper;
        foreach (var folder in options.SearchPath)
        {
            var candidate = Path.Combine(folder, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new RegistryException(
            RegistryErrorKind.Unauthorized,
            $"credential helper {file} was not found in {string.Join(Path.PathSeparator, options.SearchPath)}; install it or fix the credHelpers/credsStore entry");
    }

    private Process Start(string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("get");
        start.Environment.Clear();
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["PATH"] = string.Join(Path.PathSeparator, options.SearchPath);
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"cannot start credential helper {executable}: {e.Message}; check that it is executable", innerException: e);
        }
    }

    private static RegistryCredential? Interpret(string helper, string registry, int exitCode, string stdout, string stderr)
    {
        if (exitCode != 0)
        {
            // The protocol reports a missing entry on stdout with exit 1; that means "anonymous", not an error.
            if ((stdout + stderr).Contains(NotFoundMessage, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw Failure(helper, registry, $"it exited with {exitCode}: {Excerpt.Of(stderr.Length > 0 ? stderr : stdout)}");
        }

        try
        {
            using var document = JsonDocument.Parse(stdout);
            var username = document.RootElement.GetProperty("Username").GetString() ?? "";
            var secret = document.RootElement.GetProperty("Secret").GetString() ?? "";
            return new RegistryCredential(username, secret, IsIdentityToken: username == "<token>");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Never echo stdout: it may hold the secret.
            throw Failure(helper, registry, "its answer is not the JSON {\"Username\",\"Secret\"} the helper protocol specifies");
        }
    }

    private static RegistryException Failure(string helper, string registry, string why) =>
        new(RegistryErrorKind.Unauthorized, $"credential helper docker-credential-{helper} failed for {(registry.Length > 0 ? registry : "a registry")}: {why}");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex HelperName();
}
