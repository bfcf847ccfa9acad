using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// A GitHub stand-in on 127.0.0.1: REST under <see cref="ApiUri"/> (and <see cref="GhesApiUri"/>), git smart
/// HTTP at <see cref="CloneUri"/>, real bare repositories, GitHub's token kinds and push rules.
/// <code>
/// await using var github = await GitHubSimulator.StartAsync(new() { Time = fakeTime });
/// github.AddUser("alice");
/// await github.AddRepositoryAsync("alice", "app");
/// var token = github.IssueClassicToken("alice", ["repo"]);
/// </code>
/// </summary>
public sealed class GitHubSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimulatorContext sim;
    private readonly BareRepositories bare;
    private readonly string? temporaryDirectory;

    private GitHubSimulator(WebApplication app, SimulatorContext sim, string? temporaryDirectory)
    {
        this.app = app;
        this.sim = sim;
        this.temporaryDirectory = temporaryDirectory;
        bare = new BareRepositories(sim.Git, sim.RepositoriesRoot);
    }

    public SimulatorState State => sim.State;

    public RequestRecorder Recorder { get; } = new();

    public TimeProvider Time => sim.Time;

    public int Port => sim.Port;

    /// <summary>The web root, e.g. <c>http://127.0.0.1:PORT/</c>; also the api.github.com-style REST root.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{sim.Port}/");

    /// <summary>REST root laid out like api.github.com (ends with '/', as Octokit needs).</summary>
    public Uri ApiUri => BaseUri;

    /// <summary>REST root laid out like GitHub Enterprise Server: <c>…/api/v3/</c>.</summary>
    public Uri GhesApiUri => new(BaseUri, "api/v3/");

    public Uri CloneUri(string owner, string repository) => new(BaseUri, $"{owner}/{repository}.git");

    public static async Task<GitHubSimulator> StartAsync(GitHubSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GitHubSimulatorOptions();
        var temporary = options.DataDirectory is null ? Directory.CreateTempSubdirectory("tidemark-github-").FullName : null;
        var data = Path.GetFullPath(options.DataDirectory ?? temporary!);
        Directory.CreateDirectory(Path.Combine(data, "repositories"));
        var context = new SimulatorContext(new SimulatorState(), options.Time, new GitRunner(data), data);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = data });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = null;
        });
        var web = builder.Build();
        var simulator = new GitHubSimulator(web, context, temporary);
        var recording = new RecordingMiddleware(context, simulator.Recorder);
        web.Use((http, next) => recording.InvokeAsync(http, next));
        MapRoutes(web, context);
        MapRoutes(web.MapGroup(Rest.ApiV3), context);
        GitEndpoints.Map(web, context);
        HookEndpoint.Map(web, context);
        await web.StartAsync(cancellationToken);

        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        context.Port = new Uri(address).Port;
        return simulator;
    }

    private static void MapRoutes(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        RootEndpoint.Map(routes, context);
        RepositoryEndpoints.Map(routes, context);
        PullEndpoints.Map(routes, context);
        MergeEndpoint.Map(routes, context);
        IssueEndpoints.Map(routes, context);
        RefEndpoints.Map(routes, context);
        AppEndpoints.Map(routes, context);
    }

    /// <summary>
    /// Makes the REST requests <paramref name="when"/> picks (method, path such as <c>/repos/o/r/pulls</c>) fail with
    /// 422 and an error body that echoes the request's headers, as a misconfigured proxy or debugging endpoint does:
    /// the Authorization header as sent, percent-encoded, and its credential as the Basic value of
    /// <c>x-access-token</c> and of another user name. Null: the normal answers again.
    /// </summary>
    public void EchoRequestHeaders(Func<string, string, bool>? when) => sim.EchoHeadersWhen = when;

    public SimAccount AddUser(string login) => AddAccount(login, organization: false);

    public SimAccount AddOrganization(string login, bool ssoRequired = false, bool classicTokensBlocked = false)
    {
        var account = AddAccount(login, organization: true);
        account.SsoRequired = ssoRequired;
        account.ClassicTokensBlocked = classicTokensBlocked;
        return account;
    }

    private SimAccount AddAccount(string login, bool organization)
    {
        var account = new SimAccount { Login = login, Id = State.NextId(), IsOrganization = organization, CreatedAt = Time.GetUtcNow() };
        lock (State.Gate)
        {
            State.Accounts.Add(login, account);
        }

        return account;
    }

    public async Task<SimRepository> AddRepositoryAsync(string owner, string name, RepositoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RepositoryOptions();
        var account = State.FindAccount(owner) ?? throw new ArgumentException($"unknown owner '{owner}'", nameof(owner));
        var gitDir = await bare.CreateAsync(owner, name, options.DefaultBranch, cancellationToken);
        await ImportAsync(gitDir, options, cancellationToken);
        var repository = new SimRepository
        {
            Owner = account,
            Name = name,
            Id = State.NextId(),
            Private = options.Private,
            DefaultBranch = options.DefaultBranch,
            GitDirectory = gitDir,
            CreatedAt = Time.GetUtcNow(),
        };
        lock (State.Gate)
        {
            State.Repositories.Add(repository.FullName, repository);
        }

        return repository;
    }

    private async Task ImportAsync(string gitDir, RepositoryOptions options, CancellationToken cancellationToken)
    {
        if (options.ImportFolder is not null)
        {
            await bare.ImportAsync(gitDir, options.DefaultBranch, Path.GetFullPath(options.ImportFolder), "Initial commit", Time.GetUtcNow(), cancellationToken);
            return;
        }

        if (options.Files.Count == 0)
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("tidemark-github-import-").FullName;
        try
        {
            foreach (var (path, content) in options.Files)
            {
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, content, cancellationToken);
            }

            await bare.ImportAsync(gitDir, options.DefaultBranch, folder, "Initial commit", Time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Commits files on top of <paramref name="parent"/> (default: the default branch) as <paramref name="branch"/>; returns the SHA.</summary>
    public Task<string> CommitAsync(SimRepository repository, string branch, IReadOnlyDictionary<string, string> files, string message = "Change files", string? parent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return bare.CommitAsync(repository.GitDirectory, branch, parent ?? "refs/heads/" + repository.DefaultBranch, files, message, Time.GetUtcNow(), cancellationToken);
    }

    public void AddCollaborator(SimRepository repository, string login, RepositoryRole role)
    {
        ArgumentNullException.ThrowIfNull(repository);
        lock (State.Gate)
        {
            repository.Collaborators[login] = role;
        }
    }

    public SimToken IssueClassicToken(string login, IEnumerable<string> scopes, DateTimeOffset? expiresAt = null, bool ssoAuthorized = false) =>
        AddToken(new SimToken
        {
            Id = "t" + State.NextId(),
            Value = TokenValues.New(TokenKind.Classic),
            Kind = TokenKind.Classic,
            Login = login,
            Scopes = [.. scopes],
            ExpiresAt = expiresAt,
            SsoAuthorized = ssoAuthorized,
        });

    /// <summary>A fine-grained token of <paramref name="login"/> acting on <paramref name="resourceOwner"/>'s repositories (null = all).</summary>
    public SimToken IssueFineGrainedToken(string login, string resourceOwner, IEnumerable<string>? repositories,
        IReadOnlyDictionary<string, string> permissions, DateTimeOffset? expiresAt = null) =>
        AddToken(new SimToken
        {
            Id = "t" + State.NextId(),
            Value = TokenValues.New(TokenKind.FineGrained),
            Kind = TokenKind.FineGrained,
            Login = login,
            ResourceOwner = resourceOwner,
            Repositories = repositories?.ToHashSet(StringComparer.OrdinalIgnoreCase),
            Permissions = new Dictionary<string, string>(permissions),
            ExpiresAt = expiresAt,
        });

    private SimToken AddToken(SimToken token)
    {
        State.AddToken(token);
        return token;
    }

    /// <summary>The token the simulator issued with this value (an App's minted token, for instance), or null.</summary>
    public SimToken? FindToken(string value) => State.FindToken(value);

    public void Revoke(SimToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (State.Gate)
        {
            token.Revoked = true;
        }
    }

    /// <summary>Registers a GitHub App (its key pair is generated here), owned by <paramref name="owner"/> when given.</summary>
    public SimApp RegisterApp(string slug, string? owner = null)
    {
        var id = State.NextId();
        var account = owner is null ? null : State.FindAccount(owner) ?? throw new ArgumentException($"unknown account '{owner}'", nameof(owner));
        var app = new SimApp { Id = id, Slug = slug, ClientId = "Iv1." + TokenValues.Random(16), Key = RSA.Create(2048), Owner = account, CreatedAt = Time.GetUtcNow() };
        lock (State.Gate)
        {
            State.Apps.Add(id, app);
        }

        return app;
    }

    public SimInstallation Install(SimApp app, string account, IEnumerable<string>? repositories, IReadOnlyDictionary<string, string> permissions)
    {
        var installation = new SimInstallation
        {
            Id = State.NextId(),
            App = app,
            Account = State.FindAccount(account) ?? throw new ArgumentException($"unknown account '{account}'", nameof(account)),
            Repositories = repositories?.ToHashSet(StringComparer.OrdinalIgnoreCase),
            Permissions = new Dictionary<string, string>(permissions) { ["metadata"] = "read" },
            CreatedAt = Time.GetUtcNow(),
        };
        lock (State.Gate)
        {
            State.Installations.Add(installation.Id, installation);
        }

        return installation;
    }

    public void Protect(SimRepository repository, string branch, BranchProtection protection)
    {
        ArgumentNullException.ThrowIfNull(repository);
        lock (State.Gate)
        {
            repository.Protections[branch] = protection;
        }
    }

    public Ruleset AddRuleset(SimRepository repository, string name, IReadOnlyList<string> include, IReadOnlyList<string> rules)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var ruleset = new Ruleset(State.NextId(), name, include, rules);
        lock (State.Gate)
        {
            repository.Rulesets.Add(ruleset);
        }

        return ruleset;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (temporaryDirectory is not null && Directory.Exists(temporaryDirectory))
        {
            Directory.Delete(temporaryDirectory, recursive: true);
        }
    }
}
