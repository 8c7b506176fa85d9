// Docker, Compose, Podman and nerdctl forms beyond the corpus.
import { describe, expect, test } from 'vitest';
import { decide, findingsFor } from '../cloud/harness.js';

const CONFIRM = [
  'docker volume rm my-vol',
  'docker volume rm -f vol1 vol2',
  'docker volume remove pgdata',
  'docker volume prune',
  'docker volume prune -a -f',
  'docker system prune -a --volumes',
  'docker --context prod volume rm pgdata',
  'docker compose down --volumes',
  'docker compose -p shop down -v --remove-orphans',
  'docker compose --project-directory ./deploy down -v',
  'docker-compose -f docker-compose.yml -f docker-compose.prod.yml down -v',
  'docker compose rm -fsv',
  'docker rm -v db',
  'docker container rm -f --volumes db',
  'podman volume rm pgdata',
  'podman volume prune -f',
  'podman system prune --volumes -f',
  'podman system reset',
  'podman rm -v db',
  'podman compose down -v',
  'podman-compose down --volumes',
  'nerdctl volume rm pgdata',
  'nerdctl compose down -v',
  'docker stack rm shop',
  'sudo docker volume rm pgdata',
];

const ALLOW = [
  'docker compose down',
  'docker compose down --remove-orphans --rmi local',
  'docker-compose down',
  'docker system prune',
  'docker system prune -a -f',
  'docker image prune -a',
  'docker builder prune -af',
  'docker buildx prune --all',
  'docker container prune -f',
  'docker network prune -f',
  'docker rm -f $(docker ps -aq)',
  'docker rmi acme/api:old',
  'docker kill api',
  'docker restart api',
  'docker compose restart api',
  'docker compose stop',
  'docker compose rm -f worker',
  'docker compose up -d --force-recreate',
  'docker compose pull',
  'docker compose logs -f api',
  'docker volume ls -q',
  'docker volume inspect pgdata',
  'docker volume create pgdata',
  'docker run -d -v pgdata:/var/lib/postgresql/data postgres:16',
  'docker exec -it db psql -U postgres -c "SELECT 1"',
  'podman pod rm -f mypod',
  'podman machine stop',
  'docker stack ls',
  'docker service scale shop_api=0',
];

describe('container forms that delete volumes', () => {
  for (const command of CONFIRM) test(command, () => expect(decide(command)).toBe('confirm'));
});

describe('safe container forms', () => {
  for (const command of ALLOW) test(command, () => expect(decide(command)).toBe('allow'));
});

describe('targets', () => {
  test('volume names', () => expect(findingsFor('docker volume rm pgdata')[0].target).toBe('pgdata'));
  test('compose project', () => expect(findingsFor('docker compose -p shop down -v')[0].target).toBe('shop'));
  test('prune', () => expect(findingsFor('docker system prune -af --volumes')[0].target).toBe('unused volumes'));
});

describe('short options shared with subcommands do not hide flags', () => {
  test('nerdctl -a in prune', () => expect(decide('nerdctl system prune -a --volumes')).toBe('confirm'));
  test('podman prune -a', () => expect(decide('podman system prune -a --volumes -f')).toBe('confirm'));
});
