using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

public sealed class EnvironmentTokenSourceTests
{
    private readonly Redactor _redactor = new();

    [Fact]
    public async Task Read_DefaultVariable_ReturnsTheValueAndRegistersIt()
    {
        var value = TokenValues.FineGrained();
        var source = TokenSourceKinds.Create("env", [], Context(("GITHUB_TOKEN", value + "\n")));

        var token = await TokenResolver.ResolveAsync(source, CancellationToken.None);

        Assert.Equal(value, token.Value);
        Assert.Equal(TokenKind.FineGrainedPat, token.Inspection.Kind);
        Assert.Equal("push with " + Redactor.Placeholder, _redactor.Redact("push with " + value));
        Assert.DoesNotContain(value, token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NamedVariable_ReadsThatOne()
    {
        var value = TokenValues.Classic();
        var source = TokenSourceKinds.Create("env", ["FLUX_GITHUB_TOKEN"], Context(("FLUX_GITHUB_TOKEN", value)));

        var token = await TokenResolver.ResolveAsync(source, CancellationToken.None);

        Assert.Equal(TokenKind.ClassicPat, token.Inspection.Kind);
        Assert.Equal("FLUX_GITHUB_TOKEN", token.Source);
    }

    [Fact]
    public async Task Read_Empty_SaysWhatToDo()
    {
        var source = TokenSourceKinds.Create("env", [], Context(("GITHUB_TOKEN", "  ")));

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Equal("GITHUB_TOKEN is empty — set it, or use --token-file", error.Message);
    }

    [Fact]
    public async Task Read_NotSet_SaysHowToSetItWithoutEchoing()
    {
        var source = TokenSourceKinds.Create("env", [], Context());

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.StartsWith("GITHUB_TOKEN is not set — set it (read -rs GITHUB_TOKEN && export GITHUB_TOKEN)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_RefreshTokenInTheVariable_IsRefusedWithoutShowingIt()
    {
        var value = TokenValues.Refresh();
        var source = TokenSourceKinds.Create("env", [], Context(("GITHUB_TOKEN", value)));

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => TokenResolver.ResolveAsync(source, CancellationToken.None));

        Assert.Contains("refresh token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.Equal(Redactor.Placeholder, _redactor.Redact(value));
    }

    [Fact]
    public async Task Resolve_QuotedValue_IsRefusedAndBothFormsAreRedacted()
    {
        var value = TokenValues.FineGrained();
        var source = TokenSourceKinds.Create("env", [], Context(("GITHUB_TOKEN", "\"" + value + "\"")));

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => TokenResolver.ResolveAsync(source, CancellationToken.None));

        Assert.Contains("quotes", error.Message, StringComparison.Ordinal);
        Assert.Equal(Redactor.Placeholder, _redactor.Redact(value));
    }

    [Theory]
    [InlineData("env", "1BAD")]
    [InlineData("file", null)]
    [InlineData("command", null)]
    [InlineData("app", null)]
    [InlineData("app", "id=12")]
    [InlineData("vault", null)]
    public void Create_BadArguments_SaysHowToWriteThem(string kind, string? argument)
    {
        IReadOnlyList<string> arguments = argument is null ? [] : [argument];

        var error = Assert.Throws<TokenSourceException>(() => TokenSourceKinds.Create(kind, arguments, Context()));

        Assert.NotEmpty(error.Fix);
    }

    [Fact]
    public void Kinds_AreRegisteredOnceEach()
    {
        Assert.Equal(["env", "file", "command", "app"], TokenSourceKinds.All.Select(k => k.Name));
    }

    private TokenSourceContext Context(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new TokenSourceContext(_redactor, TimeProvider.System, name => map.GetValueOrDefault(name));
    }
}
