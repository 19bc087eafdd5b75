using System.Globalization;

namespace Workbook.Core.Hashing.Chord;

public sealed partial class ChordNetwork
{
    /// <summary>
    /// ToN 2003 Fig. 6 join: the new node asks <paramref name="via"/> for successor(newId) and sets only
    /// its successor (every finger starts there); stabilization rounds repair the rest.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is already a node, or <paramref name="via"/> is not one.</exception>
    public ChordJoin Join(ulong newId, ulong via)
    {
        var entry = CheckJoin(newId, via);
        var path = new List<ulong> { via };
        ulong successor = FindPredecessor(entry, newId, path).Fingers[0];
        AddNode(newId, successor);
        return new ChordJoin(newId, Messages: path.Count, Lookups: 1, FingerUpdates: 0);
    }

    /// <summary>
    /// SIGCOMM 2001 §4.4 join: init_finger_table through <paramref name="via"/>, then update_others, which
    /// walks back from find_predecessor(newId − 2^(i−1) + 1) updating finger i of every node it should.
    /// </summary>
    /// <remarks>
    /// Assumes correct tables and no concurrent joins, as the paper's §4.4 does; afterwards every
    /// table is correct again. Two slips of the printed pseudocode are fixed: the "+ 1" (a node exactly at
    /// newId − 2^(i−1) must update too) and a finger whose ideal value is the new node itself.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is already a node, or <paramref name="via"/> is not one.</exception>
    public ChordJoin JoinWithFingerUpdates(ulong newId, ulong via)
    {
        var entry = CheckJoin(newId, via);
        int bits = Space.IdentifierBits, messages = 0, lookups = 0, updates = 0;

        ulong FindSuccessorVia(ulong key)
        {
            lookups++;
            var path = new List<ulong> { via };
            ulong found = FindPredecessor(entry, key, path).Fingers[0];
            messages += path.Count;   // the request to via, then each forward
            return found;
        }

        // init_finger_table: finger i+1 reuses finger i when its start lies in [newId, finger i).
        var fingers = new ulong[bits];
        for (int i = 0; i < bits; i++)
        {
            ulong start = Space.FingerStart(newId, i + 1);
            ulong finger = i > 0 && Space.Distance(newId, start) < Space.Distance(newId, fingers[i - 1])
                ? fingers[i - 1]
                : FindSuccessorVia(start);
            fingers[i] = Space.Distance(start, newId) < Space.Distance(start, finger) ? newId : finger;
        }

        var successor = nodes[fingers[0]];
        var node = AddNode(newId, fingers[0]);
        fingers.CopyTo(node.Fingers, 0);
        node.HasPredecessor = successor.HasPredecessor;   // predecessor = successor.predecessor
        node.Predecessor = successor.Predecessor;
        successor.HasPredecessor = true;                  // successor.predecessor = n
        successor.Predecessor = newId;
        messages += 2;

        // update_others
        for (int i = 1; i <= bits; i++)
        {
            lookups++;
            var path = new List<ulong> { newId };
            var p = FindPredecessor(node, unchecked(newId - (1UL << (i - 1)) + 1) & (Space.Size - 1), path);
            messages += path.Count - 1;
            for (int steps = 0; steps < Count; steps++)
            {
                if (p.Id != newId)
                {
                    // update_finger_table(s, i) at p: one request; p's finger i becomes s when s is closer to its start.
                    messages++;
                    ulong start = Space.FingerStart(p.Id, i);
                    if (Space.Distance(start, newId) >= Space.Distance(start, p.Fingers[i - 1]))
                    {
                        break;
                    }

                    p.Fingers[i - 1] = newId;
                    updates++;
                }

                if (!p.HasPredecessor)
                {
                    break;
                }

                p = nodes[p.Predecessor];
            }
        }

        return new ChordJoin(newId, messages, lookups, updates);
    }

    /// <summary>
    /// One stabilization round: each node, in identifier order, runs stabilize (adopt successor.predecessor
    /// when it lies between), notifies its successor, then fix_fingers on its next <paramref name="fingersPerRound"/>
    /// fingers (2 … m, cycling), as in ToN 2003 Fig. 6.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fingersPerRound"/> is outside [1, m − 1].</exception>
    public ChordRound RunStabilizationRound(int fingersPerRound = 1)
    {
        int bits = Space.IdentifierBits;
        CheckFingersPerRound(fingersPerRound);
        int successorChanges = 0, predecessorChanges = 0, fingerChanges = 0, messages = 0;
        foreach (ulong id in sortedIds)
        {
            var n = nodes[id];

            // stabilize: x = successor.predecessor; if x in (n, successor) then successor = x.
            var s = nodes[n.Fingers[0]];
            messages += s.Id == n.Id ? 0 : 1;
            if (s.HasPredecessor && Space.InOpen(s.Predecessor, n.Id, s.Id))
            {
                n.Fingers[0] = s.Predecessor;
                s = nodes[s.Predecessor];
                successorChanges++;
            }

            // successor.notify(n): if predecessor is nil or n in (predecessor, successor) then predecessor = n.
            messages += s.Id == n.Id ? 0 : 1;
            if (!s.HasPredecessor || (s.Predecessor != n.Id && Space.InOpen(n.Id, s.Predecessor, s.Id)))
            {
                s.HasPredecessor = true;
                s.Predecessor = n.Id;
                predecessorChanges++;
            }

            // fix_fingers
            for (int k = 0; k < fingersPerRound; k++)
            {
                int i = n.NextFinger;
                n.NextFinger = i + 1 == bits ? 1 : i + 1;
                var path = new List<ulong> { n.Id };
                ulong finger = FindPredecessor(n, Space.FingerStart(n.Id, i + 1), path).Fingers[0];
                messages += path.Count - 1;
                if (finger != n.Fingers[i])
                {
                    n.Fingers[i] = finger;
                    fingerChanges++;
                }
            }
        }

        return new ChordRound(successorChanges, predecessorChanges, fingerChanges, messages);
    }

    /// <summary>Runs stabilization rounds until every table is correct, or <paramref name="maxRounds"/> have run.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRounds"/> is below 1, or <paramref name="fingersPerRound"/> outside [1, m − 1].</exception>
    public ChordConvergence StabilizeUntilConverged(int maxRounds, int fingersPerRound = 1)
    {
        Guard.Positive(maxRounds, nameof(maxRounds));
        CheckFingersPerRound(fingersPerRound);
        int messages = 0;
        for (int round = 0; round < maxRounds; round++)
        {
            if (IsConverged)
            {
                return new ChordConvergence(true, round, messages, "");
            }

            messages += RunStabilizationRound(fingersPerRound).Messages;
        }

        return IsConverged
            ? new ChordConvergence(true, maxRounds, messages, "")
            : new ChordConvergence(false, maxRounds, messages, $"{IncorrectEntries()} pointer or finger entries were still wrong after {maxRounds} rounds.");
    }

    private void CheckFingersPerRound(int fingersPerRound)
    {
        if (fingersPerRound < 1 || fingersPerRound > Space.IdentifierBits - 1)
        {
            throw Guard.OutOfRange(nameof(fingersPerRound), $"an integer in [1, {Space.IdentifierBits - 1}]", fingersPerRound.ToString(CultureInfo.InvariantCulture));
        }
    }

    private NodeState CheckJoin(ulong newId, ulong via)
    {
        Space.CheckId(newId, nameof(newId));
        if (nodes.ContainsKey(newId))
        {
            throw new ArgumentException($"newId must not be a node already; {newId.ToString(CultureInfo.InvariantCulture)} is one.", nameof(newId));
        }

        return Node(via, nameof(via));
    }
}
