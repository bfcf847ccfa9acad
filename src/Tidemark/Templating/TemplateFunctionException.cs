namespace Tidemark.Templating;

/// <summary>A function was called wrongly (argument count or type); the evaluator adds the action.</summary>
internal sealed class TemplateFunctionException(string message) : Exception(message);
