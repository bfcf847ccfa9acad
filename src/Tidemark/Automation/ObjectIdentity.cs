using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tidemark.Automation;

/// <summary>
/// The Kubernetes object a line of a YAML file belongs to, as Flux's <c>ObjectIdentifier</c> names it
/// (<c>apps/v1</c>, <c>Deployment</c>, <c>podinfo</c>, <c>apps</c>). Fields the document lacks are empty, as for a
/// <c>kustomization.yaml</c>'s name; a file that does not parse as YAML gives all-empty.
/// </summary>
internal sealed record ObjectIdentity(string ApiVersion, string Kind, string Name, string Namespace)
{
    public static ObjectIdentity Empty { get; } = new("", "", "", "");

    public static ObjectIdentity At(string text, int line)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return Empty;
        }

        var document = stream.Documents.LastOrDefault(d => d.RootNode.Start.Line <= line);
        if (document?.RootNode is not YamlMappingNode root)
        {
            return Empty;
        }

        var metadata = Child(root, "metadata") as YamlMappingNode;
        return new ObjectIdentity(Scalar(root, "apiVersion"), Scalar(root, "kind"), metadata is null ? "" : Scalar(metadata, "name"), metadata is null ? "" : Scalar(metadata, "namespace"));
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: { } name } && name == key).Value;

    private static string Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode { Value: { } value } ? value : "";
}
