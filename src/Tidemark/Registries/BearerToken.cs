namespace Tidemark.Registries;

/// <summary>A registry bearer token and when it stops being used. <see cref="ToString"/> hides the value.</summary>
internal sealed record BearerToken(string Value, DateTimeOffset ExpiresAt)
{
    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;

    public override string ToString() => $"BearerToken {{ ExpiresAt = {ExpiresAt:O} }}";
}
