using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Tidemark.Credentials;

/// <summary>
/// The token is what a command prints: a secrets manager CLI such as <c>esc env get acme/gitops/prod github.token --value string</c>,
/// <c>vault kv get -field=token secret/tidemark/github</c> or <c>op read op://automation/github/token</c>. The command
/// gets an argument list (no shell), only the environment variables named in <see cref="TokenSourceContext.CommandVariables"/>,
/// no input, and <see cref="TokenSourceContext.CommandTimeout"/>; a failure shows its exit code and its stderr, redacted.
/// </summary>
internal sealed class CommandTokenSource(IReadOnlyList<string> arguments, TokenSourceContext context) : ITokenSource
{
    private const int StderrLinesShown = 10;

    public string Description => $"the command `{context.Redactor.Redact(string.Join(' ', arguments))}`";

    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(context.CommandTimeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var process = Start();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TokenSourceException(Description, string.Create(CultureInfo.InvariantCulture, $"did not finish within {context.CommandTimeout.TotalSeconds:0.#} s"),
                "check that it does not wait for input (log in to the secrets manager first) or allow it more time");
        }

        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            // the output is not returned, so the provider never registers it; stderr may repeat it
            TokenSecrets.Register(context.Redactor, output);
            throw Failed(process.ExitCode, context.Redactor.Redact(await stderr.ConfigureAwait(false)));
        }

        return output.Trim().Length == 0 ? throw PrintedNothing(context.Redactor.Redact(await stderr.ConfigureAwait(false))) : output;
    }

    private Process Start()
    {
        var startInfo = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var name in context.CommandVariables)
        {
            if (context.Variable(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        try
        {
            var process = Process.Start(startInfo) ?? throw new InvalidOperationException("no process");
            process.StandardInput.Close();
            return process;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new TokenSourceException(Description, $"could not be started ({e.Message})", $"check that {arguments[0]} is installed and on PATH");
        }
    }

    private TokenSourceException Failed(int exitCode, string stderr) =>
        new(Description, string.Create(CultureInfo.InvariantCulture, $"exited {exitCode}: {Tail(stderr)}"),
            "run it yourself to see why (is the secrets manager CLI logged in, does the secret exist?)");

    private TokenSourceException PrintedNothing(string stderr) =>
        new(Description, "printed nothing on its standard output" + (stderr.Trim().Length > 0 ? ": " + Tail(stderr) : string.Empty),
            "make it print only the token (for example op read, vault kv get -field=token, esc env get … --value string)");

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : string.Join(" | ", lines.TakeLast(StderrLinesShown));
    }
}
