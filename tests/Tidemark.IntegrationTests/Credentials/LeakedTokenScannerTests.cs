using Tidemark.Credentials;

namespace Tidemark.IntegrationTests.Credentials;

public sealed class LeakedTokenScannerTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Ensure_TokenInATrackedManifest_NamesFileAndLineWithoutTheValue()
    {
        var token = TokenValues.FineGrained();
        _repo.Write("apps/podinfo/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n# token: " + token + "\n");
        _repo.Write("README.md", "nothing here\n");

        var error = await Assert.ThrowsAsync<LeakedTokenException>(() => LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None));

        Assert.Contains("apps/podinfo/deployment.yaml:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Revoke it now", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        var leak = Assert.Single(error.Leaks);
        Assert.Equal(TokenKind.FineGrainedPat, leak.Fingerprint.Kind);
    }

    [Fact]
    public async Task Ensure_TokenBase64EncodedInASecretOrADockerConfig_IsRefusedWithItsLine()
    {
        var token = TokenValues.FineGrained();
        string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        _repo.Write("apps/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: gh}\ndata:\n  token: " + B64(token) + "\n");
        foreach (var user in new[] { "x-access-token", "abc", "bot1" }) // "user:" of 15, 4 and 5 characters: the token at all three byte alignments
        {
            _repo.Write($"apps/{user}/config.json", "{\"auths\": {\"ghcr.io\": {\"auth\": \"" + B64(user + ":" + token) + "\"}}}\n");
        }

        var error = await Assert.ThrowsAsync<LeakedTokenException>(() => LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None));

        Assert.Equal(["apps/abc/config.json:1", "apps/bot1/config.json:1", "apps/secret.yaml:5", "apps/x-access-token/config.json:1"],
            error.Leaks.Select(l => $"{l.File}:{l.Line}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_TokenInASecretsStringDataOrItsDockerConfigJson_IsRefusedWithItsLine()
    {
        var token = TokenValues.Classic();
        string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        _repo.Write("apps/string-data.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n  token: " + token + "\n");
        _repo.Write("apps/echo-newline.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  token: " + B64(token + "\n") + "\n"); // echo $TOKEN | base64
        foreach (var user in new[] { "x-access-token", "abc", "bot1" })
        {
            // A kubernetes.io/dockerconfigjson Secret: data holds base64 of a docker config whose auth is base64(user:token).
            var dockerConfig = "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + B64(user + ":" + token) + "\"}}}";
            _repo.Write($"apps/{user}/pull-secret.yaml",
                "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: " + B64(dockerConfig) + "\n");
        }

        var error = await Assert.ThrowsAsync<LeakedTokenException>(() => LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None));

        Assert.Equal(["apps/abc/pull-secret.yaml:5", "apps/bot1/pull-secret.yaml:5", "apps/echo-newline.yaml:4", "apps/string-data.yaml:4", "apps/x-access-token/pull-secret.yaml:5"],
            error.Leaks.Select(l => $"{l.File}:{l.Line}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_AnotherTokensDockerConfigJson_IsNotTakenForTheToken()
    {
        var token = TokenValues.Classic();
        string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        var dockerConfig = "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + B64("bot:" + TokenValues.Classic(seed: 9)) + "\"}}}";
        _repo.Write("apps/pull-secret.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  .dockerconfigjson: " + B64(dockerConfig) + "\n");

        await LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None);
    }

    [Fact]
    public async Task Ensure_OtherBase64Data_IsNotTakenForTheToken()
    {
        var token = TokenValues.FineGrained();
        _repo.Write("apps/secret.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  token: " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TokenValues.FineGrained(seed: 7))) + "\n");

        Assert.Empty(await LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None));
    }

    [Fact]
    public async Task Ensure_TokenInADotEnvFile_IsRefused()
    {
        var token = TokenValues.Classic();
        _repo.Write(".env.local", "REGISTRY=ghcr.io\nGITHUB_TOKEN=" + token + "\n");

        var error = await Assert.ThrowsAsync<LeakedTokenException>(() => LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None));

        Assert.Equal(".env.local:2", Assert.Single(error.Leaks).File + ":" + error.Leaks[0].Line);
    }

    [Fact]
    public async Task Ensure_EveryOccurrence_IsListed()
    {
        var token = TokenValues.Classic();
        _repo.Write("a.yaml", token + "\n\n" + token + "\n");
        _repo.Write(".env", "T=" + token);

        var error = await Assert.ThrowsAsync<LeakedTokenException>(() => LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None));

        Assert.Equal([".env:1", "a.yaml:1", "a.yaml:3"], error.Leaks.Select(l => $"{l.File}:{l.Line}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ensure_TokenOnlyUnderDotGit_IsNotALeak()
    {
        var token = TokenValues.Classic();
        _repo.Write(".git/config", "[remote \"origin\"]\n\turl = https://x-access-token:" + token + "@github.com/acme/gitops.git\n");
        _repo.Write("kustomization.yaml", "resources: []\n");

        var shaped = await LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None);

        Assert.Empty(shaped);
    }

    [Fact]
    public async Task Ensure_AnotherTokenShapedString_IsAWarningWithItsFingerprint()
    {
        var token = TokenValues.FineGrained(1);
        var other = TokenValues.Classic(2);
        _repo.Write("scripts/ci.sh", "#!/bin/sh\nexport OLD_TOKEN=" + other + "\n");

        var shaped = await LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, token, CancellationToken.None);

        var leak = Assert.Single(shaped);
        Assert.Equal("scripts/ci.sh:2", $"{leak.File}:{leak.Line}");
        Assert.Equal(TokenKind.ClassicPat, leak.Fingerprint.Kind);
        Assert.DoesNotContain(other, leak.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_CleanRepository_ReturnsNothing()
    {
        _repo.Write("apps/deployment.yaml", "image: ghcr.io/stefanprodan/podinfo:6.7.0\n");

        var shaped = await LeakedTokenScanner.EnsureNotLeakedAsync(_repo.Path, TokenValues.FineGrained(), CancellationToken.None);

        Assert.Empty(shaped);
    }
}
