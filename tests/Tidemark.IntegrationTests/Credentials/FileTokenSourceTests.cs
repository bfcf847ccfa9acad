using Tidemark.Credentials;

namespace Tidemark.IntegrationTests.Credentials;

public sealed class FileTokenSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Redactor _redactor = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_File_TrimsTheNewlineAndRegistersTheValue()
    {
        var value = TokenValues.FineGrained();
        var path = _folder.Write("github-token", value + "\n");

        var token = await Provider(path);

        Assert.Equal(value, token.Value);
        Assert.Equal("token file " + path, token.Source);
        Assert.Equal("x " + Redactor.Placeholder, _redactor.Redact("x " + value));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("password")]
    public async Task Read_MountedSecretFolder_ReadsTheKey(string key)
    {
        var value = TokenValues.Classic();
        _folder.Write("secret/" + key, value);
        _folder.Write("secret/username", "git");

        var token = await Provider(Path.Combine(_folder.Path, "secret"));

        Assert.Equal(value, token.Value);
        Assert.Equal("token file " + Path.Combine(_folder.Path, "secret"), token.Source);
    }

    [Fact]
    public async Task Read_FolderWithBothKeys_PrefersToken()
    {
        var value = TokenValues.FineGrained();
        _folder.Write("secret/password", TokenValues.Classic());
        _folder.Write("secret/token", value);

        var raw = await Source(Path.Combine(_folder.Path, "secret")).ReadAsync(CancellationToken.None);

        Assert.Equal(value, raw);
    }

    [Fact]
    public async Task Read_FolderWithoutKeys_SaysHowToCreateTheSecret()
    {
        _folder.Write("secret/username", "git");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Source(Path.Combine(_folder.Path, "secret")).ReadAsync(CancellationToken.None));

        Assert.Contains("neither a 'token' nor a 'password' file", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl create secret generic github-token -n flux-system", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Missing_NamesThePath()
    {
        var path = Path.Combine(_folder.Path, "nope");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Source(path).ReadAsync(CancellationToken.None));

        Assert.StartsWith($"token file {path} does not exist — ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EmptyFile_SaysSo()
    {
        var path = _folder.Write("token", "\n");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Source(path).ReadAsync(CancellationToken.None));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_TwoLinesInTheFile_IsMalformedAndEachLineIsRedacted()
    {
        var first = TokenValues.Classic(1);
        var second = TokenValues.Classic(2);
        var path = _folder.Write("token", first + "\n" + second + "\n");

        var error = await Assert.ThrowsAsync<TokenSourceException>(() => Provider(path));

        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
        Assert.Equal(Redactor.Placeholder + " " + Redactor.Placeholder, _redactor.Redact(first + " " + second));
    }

    private ITokenSource Source(string path) =>
        TokenSources.Create(new FileToken(path), Context());

    private async Task<ResolvedToken> Provider(string path) =>
        (await TokenProvider.OpenAsync(new FileToken(path), Context(), CancellationToken.None)).Resolved;

    private TokenSourceContext Context() => new(_redactor, TimeProvider.System, _ => null);
}
