// Docker, Podman, nerdctl and Compose are covered by declarative rules in
// config/packs/{docker,podman}.yaml (volume removal, prunes with --volumes, rm -v, down -v).
// Commands run inside containers (`docker exec`, `docker run … sh -c`) are expanded upstream.
import type { Analyser } from '../../types.js';

export const analysers: Analyser[] = [];
