using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tidemark.Credentials;

namespace Tidemark.Git;

/// <summary>
/// Runs the git executable: a subcommand from <see cref="GitSubcommand"/>, an argument list (never a shell
/// string), an environment built from scratch (<see cref="GitEnvironment"/>), stdin closed, output redacted.
/// A timeout or cancellation kills the whole process tree. A failing exit code becomes a classified
/// <see cref="GitException"/>.
/// </summary>
internal sealed class GitRunner
{
    private static readonly string[] ConfigKeyPrefixes = ["gc.", "maintenance.", "fetch.", "advice.", "core.autocrlf", "core.quotepath"];

    private readonly GitRunnerOptions _options;
    private readonly ISecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly Action<GitInvocation>? _observer;

    /// <param name="observer">Sees every invocation as started (arguments and environment names); tests use it.</param>
    public GitRunner(GitRunnerOptions options, ISecretRedactor redactor, ILogger<GitRunner> logger, Action<GitInvocation>? observer = null)
    {
        _options = options;
        _redactor = redactor;
        _logger = logger;
        _observer = observer;
    }

    public ISecretRedactor Redactor => _redactor;

    public async Task<Version> GetVersionAsync(CancellationToken cancellationToken)
    {
        var home = Path.GetFullPath(_options.HomeDirectory);
        var context = new GitFailureContext("git", null, "git --version");
        var result = await RunAsync(new GitRequest(GitSubcommand.Version, [], home, context), cancellationToken).ConfigureAwait(false);
        return GitVersionParser.Parse(result.StandardOutput);
    }

    public async Task<GitResult> RunAsync(GitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A cancelled run starts no process (a fast git could otherwise finish before the cancellation is seen).
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Auth is not null)
        {
            _redactor.Register(request.Auth.Token);
        }

        var arguments = ArgumentsOf(request);
        Directory.CreateDirectory(_options.HomeDirectory);
        var startInfo = StartInfo(request, arguments);
        _observer?.Invoke(new GitInvocation(arguments, [.. startInfo.Environment.Keys.Order(StringComparer.Ordinal)], request.WorkingDirectory));
        Log.GitStarting(_logger, _redactor.Redact(string.Join(' ', arguments)), request.WorkingDirectory);

        var result = await ExecuteAsync(startInfo, request, cancellationToken).ConfigureAwait(false);
        if (request.AcceptedExitCodes.Contains(result.ExitCode))
        {
            return result;
        }

        var failure = GitFailureClassifier.Classify(result.StandardError, request.Context);
        Log.GitFailed(_logger, arguments[0], failure.Kind);
        throw new GitException(failure, result.StandardError, _redactor);
    }

    private List<string> ArgumentsOf(GitRequest request)
    {
        var verb = VerbOf(request.Subcommand);
        if (request.Subcommand == GitSubcommand.Config)
        {
            ValidateConfig(request.Arguments);
        }

        var arguments = new List<string>(request.Arguments.Count + 1) { verb };
        foreach (var argument in request.Arguments)
        {
            if (_redactor.Redact(argument) != argument)
            {
                throw new ArgumentException($"refusing to run git {verb}: an argument contains a secret", nameof(request));
            }

            arguments.Add(argument);
        }

        return arguments;
    }

    private ProcessStartInfo StartInfo(GitRequest request, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(_options.Executable)
        {
            WorkingDirectory = request.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in GitEnvironment.Build(_options, request))
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private async Task<GitResult> ExecuteAsync(ProcessStartInfo startInfo, GitRequest request, CancellationToken cancellationToken)
    {
        var verb = startInfo.ArgumentList[0];
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {_options.Executable}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            var reason = cancellationToken.IsCancellationRequested ? "cancelled" : "timeout";
            Log.GitKilled(_logger, verb, clock.ElapsedMilliseconds, reason);
            cancellationToken.ThrowIfCancellationRequested();
            var timeout = GitFailureMessages.Simple(GitFailureKind.Timeout, request.Context, null);
            throw new GitException(timeout, "", _redactor);
        }

        var output = _redactor.Redact(await stdout.ConfigureAwait(false));
        var error = _redactor.Redact(await stderr.ConfigureAwait(false));
        Log.GitFinished(_logger, verb, process.ExitCode, clock.ElapsedMilliseconds);
        return new GitResult(process.ExitCode, output, error);
    }

    private static void ValidateConfig(IReadOnlyList<string> arguments)
    {
        if (arguments.Count < 2 || arguments[0] != "--local"
            || !ConfigKeyPrefixes.Any(p => arguments[1].StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("git config is allowed only as `config --local KEY VALUE` for non-secret keys (gc., maintenance., fetch., advice., core.autocrlf, core.quotepath)", nameof(arguments));
        }
    }

    private static string VerbOf(GitSubcommand subcommand) => subcommand switch
    {
        GitSubcommand.LsRemote => "ls-remote",
        GitSubcommand.RevParse => "rev-parse",
        GitSubcommand.RevList => "rev-list",
        GitSubcommand.UpdateRef => "update-ref",
        GitSubcommand.MergeBase => "merge-base",
        GitSubcommand.CatFile => "cat-file",
        _ when Enum.IsDefined(subcommand) => subcommand.ToString().ToLowerInvariant(),
        _ => throw new ArgumentOutOfRangeException(nameof(subcommand), subcommand, "not a git subcommand Tidemark runs"),
    };
}
