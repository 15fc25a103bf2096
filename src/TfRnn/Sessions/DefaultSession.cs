namespace TfRnn;

/// <summary>The sessions made default by <c>as_default()</c> or an <see cref="InteractiveSession"/>, innermost last.</summary>
internal static class DefaultSessionStack
{
    [ThreadStatic] static List<Session>? _stack;
    static List<Session> Stack => _stack ??= new List<Session>();

    public static Session? Current => Stack.Count > 0 ? Stack[^1] : null;
    public static void Push(Session session) => Stack.Add(session);
    public static void Remove(Session session) => Stack.Remove(session);
}

public partial class Session
{
    /// <summary>Makes this the default session for <c>eval()</c> and <c>run()</c> until disposed.</summary>
    public IDisposable as_default()
    {
        DefaultSessionStack.Push(this);
        var graphScope = graph.as_default();
        return new Graph.Restore(() =>
        {
            graphScope.Dispose();
            DefaultSessionStack.Remove(this);
        });
    }

    /// <summary>The default session, checked to hold <paramref name="item"/>'s graph.</summary>
    internal static Session RequireDefault(ITensorOrOperation item)
    {
        var session = DefaultSessionStack.Current
            ?? throw new ValueError("Cannot evaluate tensor using `eval()`: No default session is registered. Use `using (sess.as_default())` or pass an explicit session to `eval(sess)`");
        if (!ReferenceEquals(session.graph, item.graph))
            throw new ValueError("Cannot use the default session to evaluate tensor: the tensor's graph is different from the session's graph. Pass an explicit session to `eval(sess)`.");
        return session;
    }
}

/// <summary>TF's <c>tf.InteractiveSession</c>: a session that makes itself the default when created.</summary>
public sealed class InteractiveSession : Session
{
    /// <summary>An interactive session on <paramref name="graph"/> (the default graph when null), made the default session at once.</summary>
    public InteractiveSession(Graph? graph = null) : base(graph) => DefaultSessionStack.Push(this);
}
