namespace Tidemark.Registries;

/// <summary>Carries a <see cref="RegistryFailure"/> from an attempt to the retry loop.</summary>
internal sealed class RetryableFailureException(RegistryFailure failure)
    : Exception(failure.Why, failure.Cause)
{
    public RegistryFailure Failure { get; } = failure;
}
