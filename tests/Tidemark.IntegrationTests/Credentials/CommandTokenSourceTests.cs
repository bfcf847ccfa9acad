using Tidemark.Credentials;

namespace Tidemark.IntegrationTests.Credentials;

public sealed class CommandTokenSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Redactor _redactor = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_Success_TheOutputIsTheTokenAndIsRegistered()
    {
        var value = TokenValues.FineGrained();
        var script = _folder.Script("esc", $"echo '{value}'");

        var token = (await TokenProvider.OpenAsync(new CommandToken([script, "env", "get"]), Context(), CancellationToken.None)).Resolved;

        Assert.Equal(value, token.Value);
        Assert.Equal($"the command `{script} env get`", token.Source);
        Assert.Equal(Redactor.Placeholder, _redactor.Redact(value));
    }

    [Fact]
    public async Task Read_ArgumentsArePassedAsTheyAre_WithoutAShell()
    {
        var script = _folder.Script("echo-args", "printf '%s|' \"$@\"");

        var raw = await Source([script, "op://vault/item name/token", "$HOME", "a;b"]).ReadAsync(CancellationToken.None);

        Assert.Equal("op://vault/item name/token|$HOME|a;b|", raw);
    }

    [Fact]
    public async Task Read_OnlyTheNamedVariablesAreInherited()
    {
        var script = _folder.Script("show-env", "printf '%s/%s' \"$VAULT_ADDR\" \"$SECRET_ELSEWHERE\"");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["VAULT_ADDR"] = "http://127.0.0.1:8200", ["SECRET_ELSEWHERE"] = "leak" };

        var raw = await Source([script], variables).ReadAsync(CancellationToken.None);

        Assert.Equal("http://127.0.0.1:8200/", raw);
    }

    [Fact]
    public async Task Read_NonZeroExit_ShowsExitCodeAndRedactedStderr()
    {
        var value = TokenValues.Classic();
        var script = _folder.Script("op", $"echo '{value}'\necho \"[ERROR] not signed in; token was {value}\" >&2\nexit 1");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Source([script, "read", "op://ci/github/token"]).ReadAsync(CancellationToken.None));

        Assert.StartsWith($"the command `{script} read op://ci/github/token` exited 1: [ERROR] not signed in; token was {Redactor.Placeholder}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Timeout_IsReportedAndTheCommandStopped()
    {
        var script = _folder.Script("hang", "sleep 30");
        var context = Context() with { CommandTimeout = TimeSpan.FromMilliseconds(500) };
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => TokenSources.Create(new CommandToken([script]), context).ReadAsync(CancellationToken.None));

        Assert.Contains("did not finish within 0.5 s", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), "the command was not stopped");
    }

    [Fact]
    public async Task Read_TimeoutOfTheSpec_IsTheCommandsTimeout()
    {
        var script = _folder.Script("hang", "sleep 30");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() =>
            TokenSources.Create(new CommandToken([script], TimeSpan.FromMilliseconds(500)), Context()).ReadAsync(CancellationToken.None));

        Assert.Contains("did not finish within 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_PrintsNothing_SaysSo()
    {
        var script = _folder.Script("quiet", "echo 'no such item' >&2");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Source([script]).ReadAsync(CancellationToken.None));

        Assert.Contains("printed nothing on its standard output: no such item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ProgramMissing_SaysToInstallIt()
    {
        var missing = Path.Combine(_folder.Path, "no-such-cli");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Source([missing]).ReadAsync(CancellationToken.None));

        Assert.Contains("could not be started", error.Message, StringComparison.Ordinal);
    }

    private ITokenSource Source(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? variables = null) =>
        TokenSources.Create(new CommandToken(arguments), Context(variables));

    private TokenSourceContext Context(IReadOnlyDictionary<string, string>? variables = null)
    {
        var map = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin" };
        return new TokenSourceContext(_redactor, TimeProvider.System, name => map.GetValueOrDefault(name));
    }
}
