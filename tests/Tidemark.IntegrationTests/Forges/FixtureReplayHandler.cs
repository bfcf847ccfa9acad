using System.Net;
using System.Text;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// Answers requests with recorded GitHub responses, in order. Each step names the request it expects (by default the
/// recorded one); any other request is a mismatch, answered 501 and reported by <see cref="AssertAllServed"/>.
/// No request leaves the process.
/// </summary>
internal sealed class FixtureReplayHandler(IEnumerable<FixtureReplayHandler.Step> steps) : HttpMessageHandler
{
    private static readonly HashSet<string> Hop = new(StringComparer.OrdinalIgnoreCase) { "content-length", "connection", "transfer-encoding" };
    private readonly Queue<Step> pending = new(steps);
    private readonly List<string> mismatches = [];

    /// <summary>Where nothing listens: the handler answers before any connection would be made.</summary>
    public static Uri BaseUri { get; } = new("http://127.0.0.1:9/");

    public void AssertAllServed()
    {
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(pending.Count == 0, $"{pending.Count} recorded answers were not asked for: " + string.Join(", ", pending.Select(p => $"{p.Method} {p.Path}")));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        lock (pending)
        {
            if (!pending.TryDequeue(out var step) || step.Method != request.Method.Method || !SamePath(step.Path, path))
            {
                mismatches.Add($"unexpected {request.Method} {path}; expected {(step is null ? "nothing" : $"{step.Method} {step.Path}")}");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotImplemented) { RequestMessage = request });
            }

            return Task.FromResult(Answer(step.Answer, request));
        }
    }

    /// <summary>Recorded paths carry no query unless the recording had one; our queries (per_page…) are then ignored.</summary>
    private static bool SamePath(string expected, string actual) =>
        expected.Contains('?', StringComparison.Ordinal)
            ? string.Equals(expected, actual, StringComparison.Ordinal)
            : string.Equals(expected, actual.Split('?')[0], StringComparison.Ordinal);

    private static HttpResponseMessage Answer(RecordedCall call, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage((HttpStatusCode)call.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(call.ResponseBody)),
        };
        foreach (var (name, value) in call.Headers.Where(h => !Hop.Contains(h.Key)))
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    /// <summary>Serve <paramref name="Answer"/> to the request <paramref name="Method"/> <paramref name="Path"/>.</summary>
    internal sealed record Step(RecordedCall Answer, string Method, string Path)
    {
        public static Step Recorded(RecordedCall call) => new(call, call.Method, call.Path);
    }
}
