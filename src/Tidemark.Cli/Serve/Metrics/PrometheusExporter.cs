using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>
/// A small Prometheus exporter over <see cref="MeterListener"/> (docs/decisions.md): listens to the instruments of the
/// meters it is given, aggregates what they record (counters and up-down counters add, gauges keep the last value,
/// histograms count into their buckets), and renders the text exposition format 0.0.4 on <see cref="Scrape"/>, after
/// asking the observable instruments for their values. Counters get <c>_total</c>; an instrument's advised histogram
/// buckets are used (else Prometheus's defaults). Thread-safe: recordings and scrapes may run at once.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener listener = new();
    private readonly Dictionary<Instrument, Family> families = [];
    private readonly Lock gate = new();
    private readonly Lock scrapes = new();

    public PrometheusExporter(params Meter[] meters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Contains(instrument.Meter))
            {
                lock (gate)
                {
                    families[instrument] = new Family(instrument);
                }

                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (gate)
            {
                families.Remove(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    /// <summary>The current values in the text exposition format, instruments in name order, each with <c># HELP</c> and <c># TYPE</c>.</summary>
    public string Scrape()
    {
        lock (scrapes)
        {
            return ScrapeAlone();
        }
    }

    private string ScrapeAlone()
    {
        lock (gate)
        {
            foreach (var family in families.Values.Where(f => f.Observable))
            {
                family.Series.Clear(); // an observable reports what exists now: a token gone from the ledger disappears
            }
        }

        listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (gate)
        {
            foreach (var family in families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                family.Render(text);
            }
        }

        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (gate)
        {
            if (families.TryGetValue(instrument, out var family))
            {
                family.Record(labels, value);
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Name, string Value)>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add((Sanitize(key), Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return string.Join(",", pairs.Select(p => $"{p.Name}=\"{EscapeLabel(p.Value)}\""));
    }

    /// <summary>A metric name or label name: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c> (label names without <c>:</c>); anything else becomes <c>_</c>.</summary>
    internal static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var ok = char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c));
            chars[i] = ok ? c : '_';
        }

        return chars.Length == 0 ? "_" : new string(chars);
    }

    /// <summary>A label value: backslash, double quote and line feed escaped (exposition format 0.0.4).</summary>
    internal static string EscapeLabel(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text: backslash and line feed escaped.</summary>
    internal static string EscapeHelp(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private enum Kind
    {
        Counter,
        Gauge,
        Histogram,
    }

    /// <summary>One instrument: its name, type, help and its series by label set.</summary>
    private sealed class Family
    {
        private readonly Kind kind;
        private readonly bool cumulative;
        private readonly string? help;
        private readonly double[] buckets;

        public Family(Instrument instrument)
        {
            var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
            (kind, cumulative, Observable) = definition.Name switch
            {
                "Counter`1" => (Kind.Counter, true, false),
                "ObservableCounter`1" => (Kind.Counter, false, true),
                "UpDownCounter`1" => (Kind.Gauge, true, false),
                "ObservableUpDownCounter`1" => (Kind.Gauge, false, true),
                "Histogram`1" => (Kind.Histogram, false, false),
                "ObservableGauge`1" => (Kind.Gauge, false, true),
                _ => (Kind.Gauge, false, false),
            };
            var name = Sanitize(instrument.Name);
            Name = kind == Kind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
            help = instrument.Description;
            buckets = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries?.ToArray()
                ?? (instrument as Histogram<long>)?.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray()
                ?? DefaultBuckets;
        }

        public string Name { get; }

        public bool Observable { get; }

        public SortedDictionary<string, Series> Series { get; } = new(StringComparer.Ordinal);

        public void Record(string labels, double value)
        {
            if (!Series.TryGetValue(labels, out var series))
            {
                series = new Series(kind == Kind.Histogram ? new long[buckets.Length] : null);
                Series[labels] = series;
            }

            if (kind == Kind.Histogram)
            {
                var at = Array.FindIndex(buckets, b => value <= b);
                if (at >= 0)
                {
                    series.Buckets![at]++;
                }

                series.Count++;
                series.Value += value;
            }
            else
            {
                series.Value = cumulative ? series.Value + value : value;
            }
        }

        public void Render(StringBuilder text)
        {
            if (!string.IsNullOrEmpty(help))
            {
                text.Append("# HELP ").Append(Name).Append(' ').Append(EscapeHelp(help)).Append('\n');
            }

            text.Append("# TYPE ").Append(Name).Append(' ').Append(kind.ToString().ToLowerInvariant()).Append('\n');
            foreach (var (labels, series) in Series)
            {
                if (kind != Kind.Histogram)
                {
                    Sample(text, Name, labels, series.Value);
                    continue;
                }

                long cumulativeCount = 0;
                for (var i = 0; i < buckets.Length; i++)
                {
                    cumulativeCount += series.Buckets![i];
                    Sample(text, Name + "_bucket", With(labels, $"le=\"{Number(buckets[i])}\""), cumulativeCount);
                }

                Sample(text, Name + "_bucket", With(labels, "le=\"+Inf\""), series.Count);
                Sample(text, Name + "_sum", labels, series.Value);
                Sample(text, Name + "_count", labels, series.Count);
            }
        }

        private static string With(string labels, string more) => labels.Length == 0 ? more : labels + "," + more;

        private static void Sample(StringBuilder text, string name, string labels, double value)
        {
            text.Append(name);
            if (labels.Length > 0)
            {
                text.Append('{').Append(labels).Append('}');
            }

            text.Append(' ').Append(Number(value)).Append('\n');
        }
    }

    private sealed class Series(long[]? buckets)
    {
        public long[]? Buckets { get; } = buckets;

        public long Count { get; set; }

        public double Value { get; set; }
    }
}
