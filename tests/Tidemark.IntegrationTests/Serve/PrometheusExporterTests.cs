using System.Diagnostics.Metrics;
using Tidemark.Cli.Serve.Metrics;

namespace Tidemark.IntegrationTests.Serve;

/// <summary>The exporter's text on its own meters: types, names, escaping, histogram buckets, observables that disappear.</summary>
public sealed class PrometheusExporterTests
{
    [Fact]
    public void Scrape_CounterGaugeHistogramObservable_RendersStrictTextWithEscapedLabels()
    {
        using var meter = new Meter("Tidemark.Tests." + Guid.NewGuid());
        var counter = meter.CreateCounter<long>("demo_requests", description: "Requests\\done\nhere");
        var gauge = meter.CreateGauge<double>("demo_level");
        var histogram = meter.CreateHistogram("demo_seconds", "s", "Durations", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 2] });
        var observed = new List<Measurement<long>> { new(7, new KeyValuePair<string, object?>("name", "a")) };
        meter.CreateObservableGauge("demo.observed", () => observed);
        using var exporter = new PrometheusExporter(meter);

        counter.Add(2, new KeyValuePair<string, object?>("path", "a\"b\\c\nd"), new KeyValuePair<string, object?>("code", 200));
        counter.Add(3, new KeyValuePair<string, object?>("code", 200), new KeyValuePair<string, object?>("path", "a\"b\\c\nd"));
        gauge.Record(1.5);
        gauge.Record(-0.25);
        histogram.Record(0.25);
        histogram.Record(1);
        histogram.Record(9);
        var text = exporter.Scrape();
        observed.Clear();
        var after = PrometheusText.Parse(exporter.Scrape());

        var parsed = PrometheusText.Parse(text);
        Assert.Contains("# HELP demo_requests_total Requests\\\\done\\nhere\n# TYPE demo_requests_total counter\ndemo_requests_total{code=\"200\",path=\"a\\\"b\\\\c\\nd\"} 5\n", text, StringComparison.Ordinal);
        Assert.Equal("Requests\\done\nhere", parsed.Help["demo_requests_total"]);
        Assert.Equal(5, parsed.Value("demo_requests_total", "path=a\"b\\c\nd", "code=200"));
        Assert.Equal("gauge", parsed.Types["demo_level"]);
        Assert.Equal(-0.25, parsed.Value("demo_level"));
        Assert.Equal("histogram", parsed.Types["demo_seconds"]);
        Assert.Equal(1, parsed.Value("demo_seconds_bucket", "le=0.5"));
        Assert.Equal(2, parsed.Value("demo_seconds_bucket", "le=2"));
        Assert.Equal(3, parsed.Value("demo_seconds_bucket", "le=+Inf"));
        Assert.Equal(10.25, parsed.Value("demo_seconds_sum"));
        Assert.Equal(3, parsed.Value("demo_seconds_count"));
        Assert.Equal(7, parsed.Value("demo_observed", "name=a"));
        Assert.Empty(after.Find("demo_observed"));
        Assert.Equal("gauge", after.Types["demo_observed"]);
    }

    [Fact]
    public void Scrape_InstrumentOfAnotherMeter_IsNotExported()
    {
        using var mine = new Meter("Tidemark.Tests." + Guid.NewGuid());
        using var other = new Meter("Tidemark.Tests." + Guid.NewGuid());
        var counted = mine.CreateCounter<long>("mine_things");
        var ignored = other.CreateCounter<long>("other_things");
        using var exporter = new PrometheusExporter(mine);

        counted.Add(1);
        ignored.Add(1);
        var parsed = PrometheusText.Parse(exporter.Scrape());

        Assert.Equal(1, parsed.Value("mine_things_total"));
        Assert.DoesNotContain("other_things_total", parsed.Types.Keys);
    }
}
