namespace TfRnn;

/// <summary>Entering and leaving variable scopes exactly as TF1's <c>variable_scope</c> / <c>_pure_variable_scope</c>.</summary>
internal static class VariableScopeEntry
{
    public static VariableScope Enter(Graph graph, object? nameOrScope, string? defaultName, ReuseFlag? reuse, InitializerLike? initializer,
        TF_DataType dtype, bool auxiliaryNameScope)
    {
        if (nameOrScope == null && defaultName == null)
            throw new TypeError("If default_name is None then name_or_scope is required");
        if (nameOrScope is not (null or string or VariableScope))
            throw new TypeError("VariableScope: name_or_scope must be a string or VariableScope.");
        // TF treats reuse=False like None: a scope cannot switch off the reuse it inherits.
        ReuseFlag? requested = reuse is { IsTruthy: true } ? reuse : null;
        var store = graph.VariableScopes;

        if (nameOrScope != null)
        {
            string nameScope = nameOrScope is string s ? s : ((VariableScope)nameOrScope).name.Split('/')[^1];
            IDisposable? nameScopeExit = null;
            string entered = "";
            if (auxiliaryNameScope && nameScope.Length > 0) nameScopeExit = graph.EnterNameScope(nameScope, out entered);
            string? oldNameScope = nameOrScope is VariableScope scope ? scope.original_name_scope : entered;
            return EnterPure(store, nameOrScope, requested, initializer, dtype, oldNameScope, nameScopeExit);
        }

        if (reuse is { IsTruthy: true, is_auto_reuse: false })
            throw new ValueError("reuse=True cannot be used without a name_or_scope");
        string? enteredDefault = null;
        var defaultScopeExit = auxiliaryNameScope ? graph.EnterNameScope(defaultName, out enteredDefault) : null;
        string unique = UniqueScopeName(store, defaultName!);
        return EnterPure(store, unique, requested, initializer, dtype, enteredDefault, defaultScopeExit);
    }

    static VariableScope EnterPure(VariableScopeStore store, object nameOrScope, ReuseFlag? reuse, InitializerLike? initializer, TF_DataType dtype,
        string? oldNameScope, IDisposable? nameScopeExit)
    {
        var old = store.Current;
        VariableScope entered;
        Action restoreCounts;
        if (nameOrScope is VariableScope target)
        {
            entered = new VariableScope(reuse ?? target.reuse, target.name, target.initializer, target.dtype, target.original_name_scope);
            store.Open(target.name);
            var snapshot = new Dictionary<string, int>(store.OpenCounts);
            restoreCounts = () => store.OpenCounts = snapshot;
        }
        else
        {
            string name = (string)nameOrScope;
            string fullName = old.name.Length > 0 ? old.name + "/" + name : name;
            entered = new VariableScope(reuse ?? old.reuse, fullName, old.initializer, old.dtype, oldNameScope ?? name);
            store.Open(fullName);
            restoreCounts = () => store.CloseSubscopes(fullName);
        }
        if (InitializerLike.ValueOrNone(initializer) != null) entered.initializer = initializer;
        if (dtype != TF_DataType.DtInvalid) entered.dtype = dtype;
        store.Current = entered;
        entered.OnExit(() =>
        {
            restoreCounts();
            store.Current = old;
            nameScopeExit?.Dispose();
        });
        return entered;
    }

    /// <summary>TF's _get_unique_variable_scope: prefix, prefix_1, … unused in the current scope.</summary>
    static string UniqueScopeName(VariableScopeStore store, string prefix)
    {
        string current = store.Current.name;
        string name = current.Length > 0 ? current + "/" + prefix : prefix;
        if (store.Count(name) == 0) return prefix;
        int index = 1;
        while (store.Count($"{name}_{index}") > 0) index++;
        return $"{prefix}_{index}";
    }
}
