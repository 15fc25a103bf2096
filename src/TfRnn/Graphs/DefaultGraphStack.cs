namespace TfRnn;

/// <summary>The default graph: the innermost <c>as_default()</c> graph of this thread, else a process-wide one.</summary>
internal static class DefaultGraphStack
{
    [ThreadStatic] static Stack<Graph>? _stack;
    static Graph _global = new();

    static Stack<Graph> Stack => _stack ??= new Stack<Graph>();

    public static Graph Current => Stack.Count > 0 ? Stack.Peek() : _global;

    public static IDisposable Push(Graph graph)
    {
        Stack.Push(graph);
        return new Graph.Restore(() =>
        {
            if (Stack.Count == 0 || !ReferenceEquals(Stack.Peek(), graph))
                throw new InvalidOperationException("Graph.as_default() scopes must be disposed in the reverse order of entry.");
            Stack.Pop();
        });
    }

    public static void Reset()
    {
        if (Stack.Count > 0)
            throw new InvalidOperationException("Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.");
        _global = new Graph();
    }
}
