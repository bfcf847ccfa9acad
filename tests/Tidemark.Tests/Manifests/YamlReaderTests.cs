using Tidemark.Manifests;
using Tidemark.Manifests.Yaml;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// Files outside the block locator's subset are read from YamlDotNet's event stream without its comment scanner
/// (issue #9): a flow collection or an anchored scalar followed by a comment line made that scanner fail with
/// "did not find expected key" on valid YAML, so whole chart values files were skipped.
/// </summary>
public sealed class YamlReaderTests
{
    // a block scalar is outside the block locator's subset, so the whole file takes the YamlDotNet path
    private const string BlockScalar = "notes: |\n  text\n";

    [Theory]
    [InlineData("imagePullSecrets: []\n## @param image.registry The registry\nimage:\n  registry: docker.io\n")]
    [InlineData("env:\n  PORT: &port 3003\n  # comment\n  OTHER: x\n")]
    [InlineData("podLabels: {}\n# comment\nimage: a:1\n")]
    [InlineData("k: &a \"quoted\"\n  # indented comment\nj: *a\n")]
    [InlineData("resources: {limits: &l 1, requests: *l}\n")]
    [InlineData("k: [{a: &x 'q', b: 2}, {c: &y\n  3,\n  d: [&z 4, 5]}]\n")]
    public void Read_CommentAfterFlowCollectionOrAnchorInFlow_IsValid(string content)
    {
        var viaYamlDotNet = YamlReader.ReadWithYamlDotNet(content);
        var withBlockScalar = YamlReader.Read(content + BlockScalar);

        Assert.True(viaYamlDotNet.IsValid, viaYamlDotNet.Error);
        Assert.True(withBlockScalar.IsValid, withBlockScalar.Error);
        Assert.Null(BlockYamlLocator.TryRead(content + BlockScalar, new LineMap(content + BlockScalar)));
    }

    [Fact]
    public void Read_SetterMarkerAfterAnchoredScalar_IsItsLineComment()
    {
        const string marker = "# {\"$imagepolicy\": \"ns:app:tag\"}";
        var file = YamlReader.Read($"image:\n  tag: &t \"1.2.3\" {marker}\n  # own line\n  other: *t\n" + BlockScalar);

        var image = (YamlMapping)((YamlMapping)file.Documents[0].Root!).Get("image")!;
        Assert.Equal(marker, image.Scalar("tag")!.LineComment!.Text);
        Assert.True(image.Scalar("tag")!.LineComment!.IsInline);
        Assert.Equal("# own line", Assert.Single(file.Documents[0].OtherComments).Text);
    }

    [Theory]
    [InlineData("k: \"a # not a comment\" # c\n", "# c")]
    [InlineData("k: 'a #x' #y\n", "#y")]
    [InlineData("k: a#b # c\n", "# c")]
    [InlineData("k: |  # header\n  # content\n  x\n# after\n", "# header|# after")]
    [InlineData("k: &a # between\n  'v # in'\n", "# between")]
    [InlineData("k: [a, b] # after flow\n", "# after flow")]
    [InlineData("k: \"multi\n  # in a quoted scalar\n  line\"\n", "")]
    public void Read_HashInScalarsAndComments_OnlyCommentsFound(string content, string expected)
    {
        var file = YamlReader.ReadWithYamlDotNet(content);

        Assert.True(file.IsValid, file.Error);
        Assert.Equal(expected, string.Join('|', AllComments(file).Select(c => c.Text)));
    }

    [Theory]
    [InlineData("spec:\n  containers:\n  - image: [a\n", 4)]
    [InlineData("k: v\n  bad: indentation\n", 2)]
    [InlineData("a: 'unterminated\n", 1)]
    public void Read_InvalidYaml_IsInvalidWithItsLine(string content, int line)
    {
        var file = YamlReader.Read(content);

        Assert.False(file.IsValid);
        Assert.StartsWith("not valid YAML: ", file.Error, StringComparison.Ordinal);
        Assert.Equal(line, file.ErrorLine);
    }

    private static IEnumerable<YamlComment> AllComments(YamlFile file)
    {
        var comments = new List<YamlComment>();
        foreach (var document in file.Documents)
        {
            YamlKinds.ForEachScalar(document.Root, p =>
            {
                if (p.Scalar.LineComment is { } c)
                {
                    comments.Add(c);
                }
            });
            comments.AddRange(document.OtherComments);
        }
        return comments.OrderBy(c => c.Span.Start);
    }
}
