using TfRnn;

namespace TfRnn.Bench;

/// <summary>One step of a case run through our graph: the session it needs stays open until the case is disposed.</summary>
sealed record SessionStep(Session Session, Action Run) : IDisposable
{
    public void Dispose() => Session.Dispose();
}
