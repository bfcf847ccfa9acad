using System.Diagnostics.CodeAnalysis;

namespace Tidemark.Versions;

/// <summary>
/// The outcome of parsing user text: either a value or an error message that says what is wrong and where,
/// e.g. <c>invalid semver range "&gt;=1.2 &lt;": expected a version after "&lt;" at position 6</c>.
/// </summary>
internal sealed record ParseResult<T>
    where T : notnull
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static ParseResult<T> Success(T value) => new(value, null);

    public static ParseResult<T> Failure(string error) => new(default, error);
}
