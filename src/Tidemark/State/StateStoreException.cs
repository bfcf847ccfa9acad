namespace Tidemark.State;

/// <summary>The state store cannot be used (e.g. its schema is from a newer Tidemark). The operator must act.</summary>
internal sealed class StateStoreException : Exception
{
    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
