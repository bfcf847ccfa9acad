namespace Tidemark.Cli.Logging;

/// <summary>How log lines are written on standard error: <c>text</c> for people, <c>json</c> (one object a line) for log collectors.</summary>
internal enum LogFormat
{
    Text,
    Json,
}
