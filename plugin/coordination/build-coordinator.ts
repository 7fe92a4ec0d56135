/**
 * Coordinates the compilers that share one ServerActionsPlugin instance.
 *
 * The server needs every server function that a client can reference, and the clients need every
 * client component that the server renders: each side's module graph depends on the other's. Each
 * compilation, once its own graph is made (`finishMake`), waits at a barrier for the other compilations
 * that are compiling at the same time, then adds what the union of their snapshots requires, and
 * repeats until a round adds nothing anywhere. Compilations that are not compiling (they ran earlier,
 * because of `dependencies`, or watch mode rebuilt only some of them) count with their last snapshot;
 * one that turns out to lack something is invalidated in watch mode, and is an error otherwise. In
 * watch mode, so is one that was asked for other modules than are asked of it now: it may hold what
 * no compilation asks for any more, and its manifests list what was asked.
 */
import type { Compiler } from 'webpack';
import type { CompilationSnapshot } from './compilation-snapshot';

type Phase = 'idle' | 'making' | 'settling' | 'sealing';

interface Peer {
  compiler: Compiler;
  phase: Phase;
  snapshot?: CompilationSnapshot;
  /** How many new modules the peer added after its previous arrival; null on its first arrival. */
  addedSinceArrival: number | null;
  /** What the other compilations asked of the peer when it last settled (`askedOf`, compilation-snapshot.ts). */
  asked?: string[];
  /** The round the peer last settled in: peers that settled in one round agree with each other. */
  settledIn?: Round;
  release?: (round: Round) => void;
}

export interface Round {
  snapshots: CompilationSnapshot[];
  /** True when no peer at the barrier added anything since it last arrived: the graphs are settled. */
  settled: boolean;
}

export class BuildCoordinator {
  private readonly peers = new Map<Compiler, Peer>();

  register(compiler: Compiler): void {
    this.peers.set(compiler, { compiler, phase: 'idle', addedSinceArrival: null });
  }

  get compilers(): Compiler[] {
    return [...this.peers.keys()];
  }

  /** The compiler has started a run: other compilations wait for it at the barrier. */
  starting(compiler: Compiler): void {
    const peer = this.peer(compiler);
    peer.phase = 'making';
    peer.addedSinceArrival = null;
  }

  /** The compiler finished (or failed): nobody waits for it any more. */
  stopped(compiler: Compiler): void {
    const peer = this.peer(compiler);
    peer.phase = 'idle';
    peer.release = undefined;
    this.releaseIfReady();
  }

  /** Publishes a snapshot and resolves once every compiling peer has arrived too. */
  arrive(compiler: Compiler, snapshot: CompilationSnapshot, added: number | null): Promise<Round> {
    const peer = this.peer(compiler);
    peer.phase = 'settling';
    peer.snapshot = snapshot;
    peer.addedSinceArrival = added;
    const round = new Promise<Round>((resolve) => {
      peer.release = resolve;
    });
    this.releaseIfReady();
    return round;
  }

  /** The peer's graph is final for this compilation, made for what the others asked of it. */
  leave(compiler: Compiler, round: Round, asked: string[] = []): void {
    const peer = this.peer(compiler);
    peer.phase = 'sealing';
    peer.asked = asked;
    peer.settledIn = round;
    this.releaseIfReady();
  }

  /** Peers that are not at the barrier now but have a snapshot from an earlier or parallel run. */
  others(compiler: Compiler): Array<{ compiler: Compiler; snapshot: CompilationSnapshot; asked: string[] }> {
    return [...this.peers.values()]
      .filter((peer) => peer.compiler !== compiler && peer.snapshot)
      .map((peer) => ({ compiler: peer.compiler, snapshot: peer.snapshot!, asked: peer.asked ?? [] }));
  }

  /**
   * The build as a compilation of `compiler` sees it: its own snapshot `self` first, then the last
   * snapshot of every other compiler.
   */
  allSnapshots(compiler: Compiler, self: CompilationSnapshot): CompilationSnapshot[] {
    return [self, ...this.others(compiler).map((other) => other.snapshot)];
  }

  /** Whether two compilers settled their graphs together, from the same snapshots. */
  settledTogether(a: Compiler, b: Compiler): boolean {
    const round = this.peer(a).settledIn;
    return round !== undefined && round === this.peer(b).settledIn;
  }

  /** Peers that have never made a module graph and are not making one now. */
  unstartedPeers(compiler: Compiler): Compiler[] {
    return [...this.peers.values()]
      .filter((peer) => peer.compiler !== compiler && peer.phase === 'idle' && !peer.snapshot)
      .map((peer) => peer.compiler);
  }

  private peer(compiler: Compiler): Peer {
    const peer = this.peers.get(compiler);
    if (!peer) throw new Error('webpack-server-actions: compiler is not registered with the plugin');
    return peer;
  }

  private releaseIfReady(): void {
    const active = [...this.peers.values()].filter((peer) => peer.phase === 'making' || peer.phase === 'settling');
    const waiting = active.filter((peer) => peer.phase === 'settling' && peer.release);
    if (waiting.length === 0 || waiting.length < active.length) return;
    const round: Round = {
      snapshots: [...this.peers.values()].flatMap((peer) => (peer.snapshot ? [peer.snapshot] : [])),
      settled: waiting.every((peer) => peer.addedSinceArrival === 0),
    };
    for (const peer of waiting) {
      const release = peer.release!;
      peer.release = undefined;
      release(round);
    }
  }
}
