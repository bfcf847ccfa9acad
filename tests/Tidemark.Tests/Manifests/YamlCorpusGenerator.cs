using System.Text;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// Seeded YAML files for the differential test: block and flow mappings and sequences (also indentless and
/// multi-line), anchors and aliases, plain, quoted, multi-line and block scalars, comments in every position
/// (after flow collections and anchored scalars, between keys at any indent, in flow collections, on block
/// scalar headers, on <c>---</c>, at document end), tags, several documents, CRLF and a BOM.
/// Left out on purpose, where the two parsers legitimately differ: duplicate keys (an error for <c>yaml</c>, which
/// follows the spec; YamlDotNet's parser does not look), an alias to another document's anchor (anchors are per
/// document; YamlDotNet's parser does not resolve aliases), tabs in indentation (invalid) and the YAML 1.1 line
/// breaks U+0085, U+2028, U+2029 (line breaks for YamlDotNet, ordinary characters in YAML 1.2). A real disagreement
/// it found, YamlDotNet rejecting <c>{a: &amp;x 1, b: 2}</c>, is worked around in Tidemark (<c>FlowAnchorWorkaround</c>).
/// </summary>
internal sealed class YamlCorpusGenerator
{
    private static readonly string[] Plain =
    [
        "nginx:1.25.3", "docker.io/bitnami/redis:7.2.4-debian-12-r0", "a b c", "x#y", "ü-ä", "rocket 🚀", "-1",
        "http://example.com:8080/a#frag", "1.0", "true", "~", "null", "0x1F", "key=value", "50%", "a,b",
    ];

    private static readonly string[] Quoted =
    [
        "'it''s # not a comment'", "'a: b'", "''", "\"esc \\\" \\t \\u00e9 \\x41 \\U0001F680\"", "\"# hash\"", "\"\"",
        "\"line\\nbreak\"", "'[x]'", "\"{y}\"",
    ];

    private static readonly string[] FlowScalars = ["nginx:1.25", "a b", "'q,uote'", "\"d,q\"", "x#y", "ü", "-1", "''"];

    private static readonly string[] CommentTexts =
    [
        "# note", "## @param image.registry The registry", "# {\"$imagepolicy\": \"flux-system:app:tag\"}", "#", "#no space",
        "# 'quoted' \"text\" [x] {y} : - #",
    ];

    private readonly XorShift _random;
    private readonly StringBuilder _text = new();
    private readonly List<string> _anchors = [];
    private int _names;

    private YamlCorpusGenerator(XorShift random) => _random = random;

    /// <summary>The file for <paramref name="seed"/>; the same seed always gives the same text.</summary>
    public static string Generate(int seed) => new YamlCorpusGenerator(new XorShift((ulong)seed * 0x9E3779B97F4A7C15UL)).File();

    private string File()
    {
        var documents = 1 + _random.Next(3);
        for (var i = 0; i < documents; i++)
        {
            _anchors.Clear();
            if (i > 0 || _random.Chance(30))
            {
                _text.Append("---").Append(_random.Chance(30) ? " " + Comment() : "").Append('\n');
            }
            CommentLines(maxIndent: 4);
            Root();
            CommentLines(maxIndent: 4);
            if (_random.Chance(15))
            {
                _text.Append("...\n");
            }
        }
        var text = _text.ToString();
        text = _random.Chance(25) ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
        // yaml 2.9.1 refuses a BOM right before a root block sequence ("\uFEFF- a"), which is valid YAML: such a file
        // would only count as refused, never compared, so the BOM goes to files that start otherwise
        return _random.Chance(15) && !text.StartsWith('-') ? "\uFEFF" + text : text;
    }

    private void Root()
    {
        switch (_random.Next(10))
        {
            case 0:
                _text.Append(Flow(depth: 0)).Append(TrailingComment()).Append('\n');
                break;
            case 1:
                _text.Append(Scalar()).Append(TrailingComment()).Append('\n');
                break;
            case 2 or 3:
                Sequence(indent: 0, depth: 0);
                break;
            default:
                Mapping(indent: 0, depth: 0, firstInline: false);
                break;
        }
    }

    private void Mapping(int indent, int depth, bool firstInline)
    {
        var entries = 1 + _random.Next(4);
        for (var i = 0; i < entries; i++)
        {
            if (i > 0 || !firstInline)
            {
                CommentLines(indent + 4);
                _text.Append(' ', indent);
            }
            if (_random.Chance(5))
            {
                _text.Append("? ").Append(Name()).Append('\n').Append(' ', indent).Append(':');
            }
            else
            {
                _text.Append(Key()).Append(':');
            }
            Value(indent, depth, inSequence: false);
        }
    }

    private void Sequence(int indent, int depth)
    {
        var items = 1 + _random.Next(4);
        for (var i = 0; i < items; i++)
        {
            if (i > 0)
            {
                CommentLines(indent + 4);
            }
            _text.Append(' ', indent).Append('-');
            if (depth < 3 && _random.Chance(25))
            {
                _text.Append(' ');
                Mapping(indent + 2, depth + 1, firstInline: true);
                continue;
            }
            Value(indent, depth, inSequence: true);
        }
    }

    /// <summary>What follows a key's ':' or an item's '-', through the end of its last line.</summary>
    private void Value(int indent, int depth, bool inSequence)
    {
        var choice = _random.Next(depth < 3 ? 12 : 8);
        switch (choice)
        {
            case 0 or 1 or 2:
                _text.Append(' ').Append(Anchor()).Append(Tag()).Append(Scalar()).Append(TrailingComment()).Append('\n');
                break;
            case 3:
                _text.Append(' ').Append(Anchor()).Append(Flow(depth)).Append(TrailingComment()).Append('\n');
                break;
            case 4:
                _text.Append(_anchors.Count > 0 ? " *" + _random.Pick(_anchors) : "").Append(TrailingComment()).Append('\n');
                break;
            case 5:
                BlockScalar(indent);
                break;
            case 6:
                MultiLine(indent);
                break;
            case 7:
                MultiLineFlow(indent);
                break;
            default:
                Nested(indent, depth, inSequence);
                break;
        }
    }

    private void Nested(int indent, int depth, bool inSequence)
    {
        var anchor = _random.Chance(20) ? " " + Anchor().TrimEnd() : "";
        _text.Append(anchor).Append(TrailingComment()).Append('\n');
        CommentLines(indent + 4);
        // an indentless sequence under a key (`k:` then `- x` at the key's column) is the common Kubernetes form
        var sequenceIndent = !inSequence && anchor.Length == 0 && _random.Chance(50) ? indent : indent + 2;
        if (_random.Chance(50))
        {
            Sequence(sequenceIndent, depth + 1);
        }
        else
        {
            Mapping(indent + 2, depth + 1, firstInline: false);
        }
    }

    private void BlockScalar(int indent)
    {
        _text.Append(' ').Append(Anchor()).Append(_random.Pick(["|", ">", "|-", ">-", "|+", ">+"]));
        _text.Append(_random.Chance(30) ? "  " + Comment() : "").Append('\n');
        var lines = 1 + _random.Next(4);
        for (var i = 0; i < lines; i++)
        {
            // the first line sets the block's indentation: a more indented first line would end it at the next one
            var line = i == 0 ? "text" : _random.Pick(["text", "# not a comment", "", "  more indented", "key: value", "- item"]);
            _text.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
        }
    }

    private void MultiLine(int indent)
    {
        var continuation = "\n" + new string(' ', indent + 2);
        var text = _random.Next(3) switch
        {
            0 => "first" + continuation + "second" + continuation + "third",
            1 => "'single" + continuation + "# in quotes'",
            _ => "\"double" + continuation + "# in quotes \\" + continuation + "end\"",
        };
        _text.Append(' ').Append(Anchor()).Append(text).Append(TrailingComment()).Append('\n');
    }

    private void MultiLineFlow(int indent)
    {
        var pad = new string(' ', indent + 2);
        var mapping = _random.Chance(50);
        _text.Append(' ').Append(mapping ? '{' : '[').Append(_random.Chance(40) ? " " + Comment() : "").Append('\n');
        var items = 1 + _random.Next(3);
        for (var i = 0; i < items; i++)
        {
            _text.Append(pad).Append(mapping ? Name() + ": " : "").Append(FlowItem(depth: 1));
            _text.Append(i + 1 < items ? "," : "").Append(_random.Chance(40) ? " " + Comment() : "").Append('\n');
        }
        _text.Append(pad).Append(mapping ? '}' : ']').Append(TrailingComment()).Append('\n');
    }

    private string Flow(int depth)
    {
        var mapping = _random.Chance(50);
        var items = _random.Next(4);
        var parts = new List<string>();
        for (var i = 0; i < items; i++)
        {
            parts.Add((mapping ? Name() + ": " : "") + FlowItem(depth + 1));
        }
        var inner = string.Join(_random.Chance(80) ? ", " : " , ", parts);
        var pad = items > 0 && _random.Chance(30) ? " " : "";
        return mapping ? "{" + pad + inner + pad + "}" : "[" + pad + inner + pad + "]";
    }

    private string FlowItem(int depth) => _random.Next(depth < 3 ? 6 : 4) switch
    {
        0 when _anchors.Count > 0 => "*" + _random.Pick(_anchors),
        1 => Anchor() + _random.Pick(FlowScalars),
        4 or 5 => Flow(depth),
        _ => _random.Pick(FlowScalars),
    };

    private string Scalar() => _random.Next(3) switch
    {
        0 => _random.Pick(Quoted),
        _ => _random.Pick(Plain),
    };

    /// <summary>An anchor with its trailing space, or nothing; an alias may refer to it from then on.</summary>
    private string Anchor()
    {
        if (!_random.Chance(20))
        {
            return "";
        }
        var name = "a" + ++_names;
        _anchors.Add(name);
        return "&" + name + " ";
    }

    /// <summary>
    /// A tag with its trailing space, or nothing; only on block values: an anchor and a tag on a flow mapping's value
    /// followed by ',' (<c>{a: &amp;x !!str 1, b: 2}</c>) is refused by YamlDotNet 18.1.0 and not worked around
    /// (docs/manifests.md says so).
    /// </summary>
    private string Tag() => _random.Chance(10) ? _random.Pick(["!!str ", "!custom ", "! "]) : "";

    /// <summary>A key unique in the file (duplicate keys are where the parsers legitimately differ).</summary>
    private string Key() => _random.Next(6) switch
    {
        0 => "\"" + Name() + " #q\"",
        1 => "'" + Name() + "'",
        2 => "key " + Name(),
        _ => Name(),
    };

    private string Name() => "k" + ++_names;

    private string TrailingComment() => _random.Chance(35) ? (_random.Chance(10) ? "\t" : " ") + Comment() : "";

    private string Comment() => _random.Pick(CommentTexts);

    /// <summary>Blank lines and comment lines at any indent from 0 to <paramref name="maxIndent"/>.</summary>
    private void CommentLines(int maxIndent)
    {
        var lines = _random.Chance(40) ? 1 + _random.Next(3) : 0;
        for (var i = 0; i < lines; i++)
        {
            _text.Append(_random.Chance(25) ? "" : new string(' ', _random.Next(maxIndent + 1)) + Comment()).Append('\n');
        }
    }
}
