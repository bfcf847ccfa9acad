namespace Tidemark.Resilience;

/// <summary>
/// A host's circuit is open: its last <see cref="Failures"/> requests in a row failed (the last one: <see cref="LastFailure"/>),
/// so this request was not sent. An <see cref="HttpRequestException"/> so HTTP callers meet it where they meet "no answer".
/// </summary>
internal sealed class CircuitOpenException(string host, int failures, string lastFailure, TimeSpan breakDuration, Exception? inner)
    : HttpRequestException(
        $"not sent: the circuit for {host} is open after {failures} failed requests in a row (last: {lastFailure}); it is tried again after {breakDuration.TotalSeconds:0.#} s",
        inner)
{
    public string Host { get; } = host;

    public int Failures { get; } = failures;

    public string LastFailure { get; } = lastFailure;
}
