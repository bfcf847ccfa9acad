using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

public sealed class EnvironmentTokenSourceTests
{
    private readonly Redactor _redactor = new();

    [Fact]
    public async Task Read_DefaultVariable_ReturnsTheValueAndRegistersIt()
    {
        var value = TokenValues.FineGrained();
        var token = await ResolveAsync(new EnvToken("GITHUB_TOKEN"), Context(("GITHUB_TOKEN", value + "\n")));

        Assert.Equal(value, token.Value);
        Assert.Equal(TokenKind.FineGrainedPat, token.Inspection.Kind);
        Assert.Equal("push with " + Redactor.Placeholder, _redactor.Redact("push with " + value));
        Assert.DoesNotContain(value, token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NamedVariable_ReadsThatOne()
    {
        var value = TokenValues.Classic();
        var token = await ResolveAsync(new EnvToken("FLUX_GITHUB_TOKEN"), Context(("FLUX_GITHUB_TOKEN", value)));

        Assert.Equal(TokenKind.ClassicPat, token.Inspection.Kind);
        Assert.Equal("FLUX_GITHUB_TOKEN", token.Source);
    }

    [Fact]
    public async Task Read_Empty_SaysWhatToDo()
    {
        var source = TokenSources.Create(new EnvToken("GITHUB_TOKEN"), Context(("GITHUB_TOKEN", "  ")));

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Equal("GITHUB_TOKEN is empty — set it, or use --token-file", error.Message);
    }

    [Fact]
    public async Task Read_NotSet_SaysHowToSetItWithoutEchoing()
    {
        var source = TokenSources.Create(new EnvToken("GITHUB_TOKEN"), Context());

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.StartsWith("GITHUB_TOKEN is not set — set it (read -rs GITHUB_TOKEN && export GITHUB_TOKEN)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_RefreshTokenInTheVariable_IsRefusedWithoutShowingIt()
    {
        var value = TokenValues.Refresh();
        var error = await Assert.ThrowsAsync<TokenSourceException>(() => ResolveAsync(new EnvToken("GITHUB_TOKEN"), Context(("GITHUB_TOKEN", value))));

        Assert.Contains("refresh token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.Equal(Redactor.Placeholder, _redactor.Redact(value));
    }

    [Fact]
    public async Task Resolve_QuotedValue_IsRefusedAndBothFormsAreRedacted()
    {
        var value = TokenValues.FineGrained();
        var error = await Assert.ThrowsAsync<TokenSourceException>(() => ResolveAsync(new EnvToken("GITHUB_TOKEN"), Context(("GITHUB_TOKEN", "\"" + value + "\""))));

        Assert.Contains("quotes", error.Message, StringComparison.Ordinal);
        Assert.Equal(Redactor.Placeholder, _redactor.Redact(value));
    }

    [Fact]
    public void Create_BadVariableName_SaysHowToWriteIt()
    {
        var error = Assert.Throws<TokenSourceException>(() => TokenSources.Create(new EnvToken("1BAD"), Context()));

        Assert.Equal("token source env '1BAD' is not a variable name — use letters, digits and _ (for example GITHUB_TOKEN)", error.Message);
    }

    private TokenSourceContext Context(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new TokenSourceContext(_redactor, TimeProvider.System, name => map.GetValueOrDefault(name));
    }

    private static async Task<ResolvedToken> ResolveAsync(TokenSpec spec, TokenSourceContext context) =>
        (await TokenProvider.OpenAsync(spec, context, CancellationToken.None)).Resolved;
}
