using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class EmptyDocumentTests
{
    [Theory]
    [InlineData("containers:\n  - image: nginx:1.25.3\n---\n# only a comment\n")]
    [InlineData("containers:\n  - image: nginx:1.25.3\n---\n# only a comment")]
    [InlineData("containers:\n  - image: nginx:1.25.3\n---\n")]
    [InlineData("---\n# nothing\n---\ncontainers:\n  - image: nginx:1.25.3\n")]
    [InlineData("containers:\n  - image: nginx:1.25.3\r\n---\r\n# only a comment\r\n")]
    public void Find_DocumentOfOnlyACommentAfterSeparator_StillFindsTheOthers(string content)
    {
        var findings = FileFindings.Find(content, "deploy.yaml", ManifestKinds.All);

        var site = Assert.Single(findings.Sites);
        Assert.Equal("nginx:1.25.3", site.Written);
    }
}
