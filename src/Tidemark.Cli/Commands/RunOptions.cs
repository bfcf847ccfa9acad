using System.CommandLine;
using Tidemark.Automation;
using Tidemark.Configuration;

namespace Tidemark.Cli.Commands;

/// <summary>The options of <c>tidemark run</c>, and reading them into <see cref="RunSettings"/>.</summary>
internal sealed class RunOptions
{
    private readonly Option<string?> repo = new("--repo")
    {
        Description = "The repository: a local clone (its origin names it) or its https:// URL (default: the current folder)",
        HelpName = "PATH|URL",
    };

    private readonly Option<FileInfo?> config = CommonOptions.Config();

    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Do everything but push and write to GitHub; say what would be done" };

    private readonly Option<FileInfo?> tokenFile = new("--token-file") { Description = "A file holding only the GitHub token, or a mounted Secret's folder with a 'token' or 'password' key (default: the GITHUB_TOKEN variable)", HelpName = "FILE" };

    private readonly Option<string> apiUrl = new("--api-url")
    {
        Description = "The GitHub REST API (default: https://api.github.com/ for a github.com repository, https://HOST/api/v3/ for GitHub Enterprise Server at HOST)",
        HelpName = "URL",
    };

    private readonly Option<string?> state = CommonOptions.State();

    private readonly Option<DirectoryInfo?> workDir = new("--work-dir") { Description = "Where Tidemark keeps its clone (default: ./tidemark-work)", HelpName = "DIR" };

    private readonly Option<string> secrets = CommonOptions.SecretsDirectory();

    private readonly Option<string?> tokenEnv = new("--token-env") { Description = "The environment variable holding the GitHub token (default: GITHUB_TOKEN)", HelpName = "NAME" };

    private readonly Option<string?> tokenCommand = new("--token-command")
    {
        Description = "A command whose standard output is the token, e.g. 'op read op://ci/github/token' (split on spaces, run without a shell)",
        HelpName = "COMMAND",
    };

    private readonly Option<string?> appId = new("--app-id")
    {
        Description = "Authenticate as a GitHub App: its App ID or client ID (Iv…); Tidemark mints an installation token for the repository (with --app-key-file)",
        HelpName = "ID",
    };

    private readonly Option<FileInfo?> appKeyFile = new("--app-key-file") { Description = "The GitHub App's private key (.pem), with --app-id", HelpName = "FILE" };

    private readonly Option<string?> appInstallationId = new("--app-installation-id")
    {
        Description = "The App's installation ID (default: the installation on the repository's owner, looked up)",
        HelpName = "ID",
    };

    private readonly Option<string?> nextTokenEnv = new("--next-token-env") { Description = "During a rotation: the environment variable holding the next token (used once it works)", HelpName = "NAME" };

    private readonly Option<FileInfo?> nextTokenFile = new("--next-token-file") { Description = "During a rotation: a file (or Secret folder) holding the next token", HelpName = "FILE" };

    private readonly Option<string?> nextTokenCommand = new("--next-token-command") { Description = "During a rotation: a command printing the next token", HelpName = "COMMAND" };

    private readonly Option<bool> refresh = new("--refresh") { Description = "List every registry now, ignoring cached tag listings" };

    private readonly Option<string> cacheTtl = new("--cache-ttl")
    {
        Description = "How long a tag listing in the state store is reused, e.g. 10m, 1h, 0 for never",
        DefaultValueFactory = _ => "10m",
        HelpName = "DURATION",
    };

    private readonly Option<string> output = CommonOptions.Output("text", "json");

    public void AddTo(Command command)
    {
        AddSharedTo(command);
        command.Add(dryRun);
        command.Add(refresh);
        command.Add(cacheTtl);
        command.Add(output);
    }

    /// <summary>The repository, token (current and next), API and state options that <c>doctor</c> and <c>token check</c> share with <c>run</c>.</summary>
    public void AddSharedTo(Command command)
    {
        command.Add(repo);
        command.Add(config);
        command.Add(tokenFile);
        command.Add(apiUrl);
        command.Add(state);
        command.Add(workDir);
        command.Add(secrets);
        command.Add(tokenEnv);
        command.Add(tokenCommand);
        command.Add(appId);
        command.Add(appKeyFile);
        command.Add(appInstallationId);
        command.Add(nextTokenEnv);
        command.Add(nextTokenFile);
        command.Add(nextTokenCommand);
    }

    public RunSettings Read(ParseResult parse) => new(
        parse.GetValue(repo),
        parse.GetValue(config),
        parse.GetValue(dryRun),
        parse.GetValue(tokenFile),
        ApiUri(parse.GetValue(apiUrl) ?? RunTarget.GitHubApi),
        parse.GetValue(state),
        parse.GetValue(workDir)?.FullName,
        parse.GetValue(secrets)!,
        parse.GetValue(refresh),
        Durations.Parse(parse.GetValue(cacheTtl) ?? "10m", "--cache-ttl"),
        parse.GetValue(tokenEnv),
        Words(parse.GetValue(tokenCommand)),
        parse.GetValue(appId),
        parse.GetValue(appKeyFile)?.FullName,
        parse.GetValue(appInstallationId),
        parse.GetValue(nextTokenEnv),
        parse.GetValue(nextTokenFile),
        Words(parse.GetValue(nextTokenCommand)))
    {
        ApiUrlGiven = parse.GetValue(apiUrl) is not null,
    };

    /// <summary><c>run --output</c>: <c>text</c> (lines for people, as it goes) or <c>json</c> (one object at the end: docs/run.schema.json).</summary>
    public string Output(ParseResult parse) => parse.GetResult(output) is null ? "text" : parse.GetValue(output)!;

    private static string[]? Words(string? command) => command?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri ApiUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0
            ? uri
            : throw new UsageException($"--api-url {text}: give the REST API's http(s) URL, e.g. https://api.github.com/ or https://HOST/api/v3/");
}
