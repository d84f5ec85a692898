using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PolicyLint.Documents;

/// <summary>Iterative (stack-safe) walks over a Markdig tree, blocks and inlines, in document order.</summary>
public static class SyntaxWalker
{
    /// <summary>Every node under <paramref name="root"/> (not the root itself), depth-first in document order.</summary>
    public static IEnumerable<MarkdownObject> Descendants(MarkdownObject root)
    {
        var stack = new Stack<MarkdownObject>();
        PushChildren(root, stack);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            PushChildren(node, stack);
        }
    }

    /// <summary>Every node of type <typeparamref name="T"/> under <paramref name="root"/>, in document order.</summary>
    public static IEnumerable<T> Descendants<T>(MarkdownObject root) where T : MarkdownObject
    {
        foreach (var n in Descendants(root)) if (n is T t) yield return t;
    }

    private static void PushChildren(MarkdownObject node, Stack<MarkdownObject> stack)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (int i = container.Count - 1; i >= 0; i--) stack.Push(container[i]);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                stack.Push(leaf.Inline);
                break;
            case ContainerInline inline:
                for (var c = inline.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
                break;
        }
    }
}
