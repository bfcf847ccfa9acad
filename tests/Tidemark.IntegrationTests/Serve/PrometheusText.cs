using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>One sample line: its name, labels and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line is a <c># HELP</c>, a
/// <c># TYPE</c> (once per family, before its samples) or a sample whose name belongs to the family last typed (counters
/// end in <c>_total</c>; histograms have <c>_bucket</c> with <c>le</c>, <c>_sum</c>, <c>_count</c>, cumulative buckets ending in
/// <c>+Inf</c> equal to the count); label names valid, values escaped only as <c>\\</c>, <c>\"</c>, <c>\n</c>; no duplicate
/// series; the text ends with a line feed. Anything else throws <see cref="FormatException"/> naming the line.
/// </summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(Dictionary<string, string> types, Dictionary<string, string> help, List<PrometheusSample> samples)
    {
        Types = types;
        Help = help;
        Samples = samples;
    }

    /// <summary>Family name → counter, gauge, histogram, summary or untyped.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyDictionary<string, string> Help { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>The one sample named <paramref name="name"/> whose labels include all of <paramref name="labels"/> (<c>key=value</c>), or null.</summary>
    public double? Value(string name, params string[] labels)
    {
        var matches = Find(name, labels);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} samples of {name} match {string.Join(",", labels)}"),
        };
    }

    public IReadOnlyList<PrometheusSample> Find(string name, params string[] labels) =>
        [.. Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l[..l.IndexOf('=', StringComparison.Ordinal)], out var v) && v == l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))];

    public static PrometheusText Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition does not end with a line feed");
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sampled = new HashSet<string>(StringComparer.Ordinal);
        string? family = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1} \"{line}\"";
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var name = space < 0 ? rest : rest[..space];
                var value = space < 0 ? "" : rest[(space + 1)..];
                Require(MetricName().IsMatch(name), where, "bad metric name");
                if (line[2] == 'H')
                {
                    Require(help.TryAdd(name, Unescape(value, where, quotes: false)), where, "second HELP");
                }
                else
                {
                    Require(value is "counter" or "gauge" or "histogram" or "summary" or "untyped", where, "unknown type");
                    Require(!sampled.Contains(name) && types.TryAdd(name, value), where, "TYPE repeated or after the family's samples");
                    family = name;
                }

                continue;
            }

            Require(line.Length > 0 && line[0] != '#' || line.StartsWith('#'), where, "empty line");
            if (line.StartsWith('#'))
            {
                continue;
            }

            var sample = Sample(line, where);
            Require(seen.Add(sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}"), where, "duplicate series");
            var owner = family is not null && types[family] == "histogram" ? family : sample.Name;
            if (family is not null && types[family] == "histogram")
            {
                Require(sample.Name == family + "_bucket" || sample.Name == family + "_sum" || sample.Name == family + "_count", where, $"not a sample of histogram {family}");
                Require(sample.Name != family + "_bucket" || sample.Labels.ContainsKey("le"), where, "bucket without le");
            }
            else if (family is not null)
            {
                Require(sample.Name == family, where, $"not a sample of {family}");
                Require(types[family] != "counter" || family.EndsWith("_total", StringComparison.Ordinal), where, "a counter's name must end in _total");
            }

            sampled.Add(owner);
            samples.Add(sample);
        }

        var result = new PrometheusText(types, help, samples);
        foreach (var histogram in types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            result.CheckHistogram(histogram);
        }

        return result;
    }

    private void CheckHistogram(string name)
    {
        foreach (var count in Find(name + "_count"))
        {
            var others = count.Labels.Select(l => $"{l.Key}={l.Value}").ToArray();
            var buckets = Find(name + "_bucket", others).Where(b => b.Labels.Count == count.Labels.Count + 1).ToList();
            Require(buckets.Count > 0 && buckets[^1].Labels["le"] == "+Inf", name, "the last bucket is not le=\"+Inf\"");
            Require(buckets[^1].Value == count.Value, name, "the +Inf bucket differs from _count");
            for (var i = 1; i < buckets.Count; i++)
            {
                Require(buckets[i].Value >= buckets[i - 1].Value, name, "buckets are not cumulative");
                Require(ParseNumber(buckets[i].Labels["le"], name) > ParseNumber(buckets[i - 1].Labels["le"], name), name, "le bounds are not increasing");
            }

            Require(Find(name + "_sum", others).Count == 1, name, "no _sum");
        }
    }

    private static PrometheusSample Sample(string line, string where)
    {
        var name = SampleName().Match(line);
        Require(name.Success, where, "bad sample name");
        var at = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var label = LabelName().Match(line, at);
                Require(label.Success && label.Index == at, where, "bad label name");
                at += label.Length;
                Require(line[at] == '=' && line[at + 1] == '"', where, "label without =\"");
                at += 2;
                var value = new System.Text.StringBuilder();
                while (line[at] != '"')
                {
                    if (line[at] == '\\')
                    {
                        value.Append(line[at + 1] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"{where}: bad escape \\{line[at + 1]}"),
                        });
                        at += 2;
                    }
                    else
                    {
                        value.Append(line[at++]);
                    }
                }

                Require(labels.TryAdd(label.Value, value.ToString()), where, "duplicate label");
                at++;
                if (line[at] == ',')
                {
                    at++;
                }
                else
                {
                    Require(line[at] == '}', where, "labels not closed");
                }
            }

            at++;
        }

        Require(at < line.Length && line[at] == ' ', where, "no space before the value");
        var parts = line[(at + 1)..].Split(' ');
        Require(parts.Length is 1 or 2, where, "more than a value and a timestamp");
        return new PrometheusSample(name.Value, labels, ParseNumber(parts[0], where));
    }

    private static double ParseNumber(string text, string where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"{where}: bad value {text}"),
    };

    private static string Unescape(string text, string where, bool quotes)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            Require(i + 1 < text.Length && (text[i + 1] is '\\' or 'n' || (quotes && text[i + 1] == '"')), where, "bad escape");
            result.Append(text[++i] == 'n' ? '\n' : text[i]);
        }

        return result.ToString();
    }

    private static void Require(bool condition, string where, string problem)
    {
        if (!condition)
        {
            throw new FormatException($"{where}: {problem}");
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SampleName();

    [GeneratedRegex("[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();
}
