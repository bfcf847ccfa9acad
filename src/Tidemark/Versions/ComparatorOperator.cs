namespace Tidemark.Versions;

/// <summary>The operators of a Masterminds v3 range; <see cref="Equal"/> also stands for no operator.</summary>
internal enum ComparatorOperator
{
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    Tilde,
    Caret,
}
