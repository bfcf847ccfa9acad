namespace Tidemark.Manifests;

/// <summary>How the text of an edit target is written, which decides how a new value must be written.</summary>
internal enum TextStyle
{
    /// <summary>A whole plain YAML scalar: a new value that would read as a number, bool or null is double-quoted.</summary>
    Plain,

    /// <summary>The inside of a single-quoted YAML scalar (the quotes are not part of the span).</summary>
    SingleQuoted,

    /// <summary>The inside of a double-quoted YAML scalar (the quotes are not part of the span).</summary>
    DoubleQuoted,

    /// <summary>Part of a larger text (an <c>args</c> item, a block scalar, a Dockerfile line): written as is.</summary>
    Embedded,
}
