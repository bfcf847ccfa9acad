using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

/// <summary>The token's source is mapped once into a typed spec (flags, tidemark.yaml) and read through one provider.</summary>
public sealed class TokenSpecTests : IDisposable
{
    private readonly Redactor _redactor = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tidemark-token-spec-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly Dictionary<string, TokenSpec> FlagSets = new(StringComparer.Ordinal)
    {
        ["--token-env FLUX_TOKEN"] = new EnvToken("FLUX_TOKEN") { Place = new SourcePlace("--token-env", 0, 0) },
        ["--token-file /run/secrets/gh"] = new FileToken(Path.GetFullPath("/run/secrets/gh")) { Place = new SourcePlace("--token-file", 0, 0) },
        ["--token-command op read op://ci/gh/token"] = new CommandToken(["op", "read", "op://ci/gh/token"]) { Place = new SourcePlace("--token-command", 0, 0) },
        ["--app-id ' 123 ' --app-key-file /k.pem --app-installation-id ' 77 '"] = new AppToken("123", "/k.pem", "77") { Place = new SourcePlace("--app-id", 0, 0) },
        ["--app-id Iv23liXyz --app-key-file /k.pem"] = new AppToken("Iv23liXyz", "/k.pem") { Place = new SourcePlace("--app-id", 0, 0) },
    };

    [Theory]
    [InlineData("--token-env FLUX_TOKEN")]
    [InlineData("--token-file /run/secrets/gh")]
    [InlineData("--token-command op read op://ci/gh/token")]
    [InlineData("--app-id ' 123 ' --app-key-file /k.pem --app-installation-id ' 77 '")]
    [InlineData("--app-id Iv23liXyz --app-key-file /k.pem")]
    public void CurrentFromFlags_EachFlagSet_GivesItsSpec(string flags)
    {
        Assert.Equal(FlagSets[flags], RunToken.CurrentFromFlags(Settings(flags)));
    }

    [Fact]
    public void NextFromFlags_EachFlag_GivesItsSpec()
    {
        Assert.Equal(new EnvToken("NEXT") { Place = new SourcePlace("--next-token-env", 0, 0) }, RunToken.NextFromFlags(Settings() with { NextTokenEnv = "NEXT" }));
        Assert.Equal(new FileToken(Path.GetFullPath("/n")) { Place = new SourcePlace("--next-token-file", 0, 0) }, RunToken.NextFromFlags(Settings() with { NextTokenFile = new FileInfo("/n") }));
        Assert.Equal(new CommandToken(["vault", "read"]) { Place = new SourcePlace("--next-token-command", 0, 0) }, RunToken.NextFromFlags(Settings() with { NextTokenCommand = ["vault", "read"] }));
        Assert.Null(RunToken.NextFromFlags(Settings()));
        Assert.Null(RunToken.CurrentFromFlags(Settings()));
    }

    [Theory]
    [InlineData("--token-env A --token-file /f", "give one token source: --token-command, --token-file or --token-env")]
    [InlineData("--token-env A --app-id 1 --app-key-file /k.pem", "give one token source: --token-command, --token-file, --token-env or --app-id with --app-key-file")]
    [InlineData("--app-id 1", "a GitHub App needs both --app-id ID (the App ID or client ID) and --app-key-file FILE (its private key .pem); --app-installation-id is optional")]
    [InlineData("--app-installation-id 5", "a GitHub App needs both --app-id ID (the App ID or client ID) and --app-key-file FILE (its private key .pem); --app-installation-id is optional")]
    public void CurrentFromFlags_BadCombination_IsTodaysUsageError(string flags, string message)
    {
        var error = Assert.Throws<UsageException>(() => RunToken.CurrentFromFlags(Settings(flags)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void NextFromFlags_TwoSources_IsTodaysUsageError()
    {
        var error = Assert.Throws<UsageException>(() => RunToken.NextFromFlags(Settings() with { NextTokenEnv = "A", NextTokenCommand = ["b"] }));

        Assert.Equal("give one token source: --next-token-command, --next-token-file or --next-token-env", error.Message);
    }

    [Fact]
    public async Task Sources_NothingGiven_IsGitHubTokenInTheEnvironment()
    {
        var sources = await RunToken.SourcesAsync(Settings(), CancellationToken.None);

        Assert.Equal(new EnvToken("GITHUB_TOKEN"), sources.Current);
        Assert.Null(sources.Next);
        Assert.Equal(TimeSpan.FromHours(24), sources.Overlap);
    }

    [Fact]
    public async Task Sources_OperatorConfig_GivesItsSpecsAndFlagsWinForTheCurrentToken()
    {
        var config = Write("tidemark.yaml", "version: 1\ngithub:\n  token: { env: CI_TOKEN }\n  nextToken: { file: /run/next }\n  rotationOverlap: 2d\n");

        var fromFile = await RunToken.SourcesAsync(Settings() with { Config = config }, CancellationToken.None);
        var withFlag = await RunToken.SourcesAsync(Settings("--token-env OTHER") with { Config = config }, CancellationToken.None);

        Assert.Equal(new EnvToken("CI_TOKEN") { Place = new SourcePlace(config.FullName, 3, 10) }, fromFile.Current);
        Assert.Equal(new FileToken("/run/next") { Place = new SourcePlace(config.FullName, 4, 14) }, fromFile.Next);
        Assert.Equal(TimeSpan.FromDays(2), fromFile.Overlap);
        Assert.Equal(new EnvToken("OTHER") { Place = new SourcePlace("--token-env", 0, 0) }, withFlag.Current);
        Assert.Equal(fromFile.Next, withFlag.Next);
    }

    [Fact]
    public async Task Resolve_BadSpecFromTheFile_ErrorNamesThePlaceAndRole()
    {
        var spec = new EnvToken("1BAD") { Place = new SourcePlace("tidemark.yaml", 3, 10) };

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => RunToken.ResolveAsync(spec, "nextToken", TimeProvider.System, _ => null, _redactor,
            new TokenTarget(new Uri("https://api.github.com/"), "acme", "gitops"), new NoAudit(), CancellationToken.None));

        Assert.Equal("tidemark.yaml:3:10: github.nextToken: token source env '1BAD' is not a variable name — use letters, digits and _ (for example GITHUB_TOKEN)", error.Message);
    }

    [Fact]
    public async Task Provider_Env_YieldsTheTokenAndRegistersItNotTheSource()
    {
        var value = TokenValues.FineGrained();
        var context = Context(("GH", value + "\n"));

        var raw = await TokenSources.Create(new EnvToken("GH"), context).ReadAsync(CancellationToken.None);
        Assert.Contains(value, _redactor.Redact(raw), StringComparison.Ordinal);
        var provider = await TokenProvider.OpenAsync(new EnvToken("GH"), context, CancellationToken.None);

        Assert.Equal(value, await provider.CurrentAsync(CancellationToken.None));
        Assert.Equal("x " + Redactor.Placeholder, _redactor.Redact("x " + value));
        Assert.Equal("GH", provider.Description);
        Assert.Equal(new EnvToken("GH"), provider.Spec);
        Assert.False(provider.Mints);
        Assert.Null(provider.LastMint);
        await provider.RequireWorkflowsAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MintWithWorkflowsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Provider_File_YieldsTheTokenAndRegistersIt()
    {
        var value = TokenValues.Classic();
        var file = Write("token", value + "\n");

        var provider = await TokenProvider.OpenAsync(new FileToken(file.FullName), Context(), CancellationToken.None);

        Assert.Equal(value, await provider.CurrentAsync(CancellationToken.None));
        Assert.Equal(Redactor.Placeholder, _redactor.Redact(value));
        Assert.Equal("token file " + file.FullName, provider.Description);
    }

    private static RunSettings Settings(string flags = "")
    {
        var settings = new RunSettings(null, null, false, null, new Uri("https://api.github.com/"), null, null, "/secrets");
        var words = Words(flags);
        for (var i = 0; i < words.Count; i++)
        {
            settings = words[i] switch
            {
                "--token-env" => settings with { TokenEnv = words[++i] },
                "--token-file" => settings with { TokenFile = new FileInfo(words[++i]) },
                "--token-command" => settings with { TokenCommand = [.. words.Skip(i + 1)] },
                "--app-id" => settings with { AppId = words[++i] },
                "--app-key-file" => settings with { AppKeyFile = words[++i] },
                "--app-installation-id" => settings with { AppInstallationId = words[++i] },
                _ => settings,
            };
            if (words[i] == "--token-command")
            {
                break;
            }
        }

        return settings;
    }

    /// <summary>Splits on spaces, keeping '…' together with its spaces (as a shell would pass it).</summary>
    private static List<string> Words(string flags)
    {
        var parts = flags.Split('\'');
        var words = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                words.Add(parts[i]);
            }
            else
            {
                words.AddRange(parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return words;
    }

    private FileInfo Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return new FileInfo(path);
    }

    private TokenSourceContext Context(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new TokenSourceContext(_redactor, TimeProvider.System, name => map.GetValueOrDefault(name));
    }

    private sealed class NoAudit : Tidemark.State.IAuditWriter
    {
        public Task AppendAsync(Tidemark.State.AuditEvent auditEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
