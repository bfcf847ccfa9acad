namespace Tidemark.Manifests;

/// <summary>
/// The value computed for the text instance last asked about: the kinds read the same file one after another, so
/// one entry parses each file once. Compared by reference; the text is held weakly and the value only until the
/// next text, so this holds no state a caller could observe. Use one instance per thread.
/// </summary>
/// <remarks>
/// It replaces a <c>ConditionalWeakTable</c>: one dependent handle per file, and the finalizers of its retired
/// containers, cost more CPU than parsing once the parse became cheap.
/// </remarks>
internal sealed class LastTextCache<T>
    where T : class
{
    private readonly WeakReference<string> _text = new(string.Empty);
    private T? _value;

    public T GetValue(string text, Func<string, T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_value is not null && _text.TryGetTarget(out var last) && ReferenceEquals(last, text))
        {
            return _value;
        }
        _value = null;
        var value = compute(text);
        _text.SetTarget(text);
        _value = value;
        return value;
    }
}
