using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Tidemark.Manifests.Yaml;

/// <summary>
/// YamlDotNet 18.1.0's parser rejects valid YAML with an anchored scalar as a flow mapping's value followed by a
/// ',', e.g. <c>{a: &amp;x 1, b: 2}</c> ("While parsing a flow mapping, did not find expected ',' or '}'"): after an
/// anchored scalar it reads one token ahead (its check for the spec test CXX2) and then one more for the flow mapping
/// (T833), which then sees the next key instead of the ','. Found by the differential test against the npm
/// <c>yaml</c> package. A tag in the anchor's place (<c>!x 1</c>) takes the same room and parses to the same scalar
/// without the first look-ahead, and the located tree keeps no anchor names of scalars and resolves no aliases, so
/// after this failure the parse is retried on a copy with those anchors' <c>&amp;</c> turned into <c>!</c>.
/// </summary>
internal static class FlowAnchorWorkaround
{
    public const string Symptom = "While parsing a flow mapping, did not find expected ',' or '}'.";

    /// <summary>The text with every anchor of a scalar inside a flow collection written as a tag, or null when there is none or the text does not scan.</summary>
    public static string? Rewrite(string text)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        char[]? chars = null;
        var depth = 0;
        Token? previous = null;
        try
        {
            while (scanner.MoveNext())
            {
                var token = scanner.Current;
                depth += token switch
                {
                    FlowMappingStart or FlowSequenceStart => 1,
                    FlowMappingEnd or FlowSequenceEnd => -1,
                    _ => 0,
                };
                if (depth > 0 && previous is Anchor anchor && token is Scalar && text[(int)anchor.Start.Index] == '&')
                {
                    chars ??= text.ToCharArray();
                    chars[(int)anchor.Start.Index] = '!';
                }
                previous = token;
            }
        }
        catch (YamlException)
        {
            return null;
        }
        return chars is null ? null : new string(chars);
    }
}
