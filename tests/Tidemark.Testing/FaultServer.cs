using System.Net;
using System.Text;

namespace Tidemark.Testing;

/// <summary>
/// A loopback HTTP server that answers from a script: each request gets the next scripted <see cref="Answer"/>, and once
/// the script is spent, the last one again. Counts the requests, so a test can pin retries and an open circuit without a
/// mocked handler. <c>http://127.0.0.1:PORT/</c>.
/// <code>
/// using var server = new FaultServer(FaultServer.Answer.Status(503), FaultServer.Answer.Json(200, "{}"));
/// </code>
/// </summary>
public sealed class FaultServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly List<Answer> script;
    private readonly CancellationTokenSource stop = new();
    private int requests;

    public FaultServer(params Answer[] script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Length == 0)
        {
            throw new ArgumentException("give at least one answer", nameof(script));
        }

        this.script = [.. script];
        for (var attempt = 0; ; attempt++)
        {
            var port = Ports.Free();
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                Uri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // the port was taken between choosing and binding
            }
        }

        _ = ServeAsync();
    }

    public Uri Uri { get; private set; } = null!;

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host => Uri.Authority;

    public int Requests => Volatile.Read(ref requests);

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var number = Interlocked.Increment(ref requests);
            var answer = script[Math.Min(number, script.Count) - 1];
            try
            {
                context.Response.StatusCode = answer.StatusCode;
                foreach (var (name, value) in answer.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                var body = Encoding.UTF8.GetBytes(answer.Body);
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
                // the client went away
            }
        }
    }

    /// <summary>One scripted answer.</summary>
    public sealed record Answer(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public static Answer Status(int statusCode, params (string Name, string Value)[] headers) =>
            new(statusCode, $$"""{"message":"injected by the fault server ({{statusCode}})"}""", headers.ToDictionary(h => h.Name, h => h.Value));

        public static Answer Json(int statusCode, string body) => new(statusCode, body, new Dictionary<string, string>());
    }
}
