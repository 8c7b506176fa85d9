// Whether a resource type (Terraform `aws_db_instance`, Pulumi `aws:rds/instance:Instance`)
// stores data, so that destroying and re-creating it (a forced replacement) loses that data.
// Judged by the words of the type, so providers and types nobody listed are still covered.
import { splitIdentifier } from '../verbs.js';

const DATA_WORDS: ReadonlySet<string> = new Set([
  // databases and their servers
  'db', 'dbs', 'database', 'databases', 'sql', 'mssql', 'mysql', 'mariadb', 'postgres', 'postgresql',
  'rds', 'aurora', 'dynamodb', 'table', 'cosmosdb', 'spanner', 'bigtable', 'bigquery', 'dataset',
  'firestore', 'datastore', 'redshift', 'docdb', 'documentdb', 'neptune', 'mongodb', 'mongo', 'atlas',
  'cassandra', 'keyspaces', 'timestream', 'qldb', 'alloydb', 'schema',
  // caches and search clusters that hold data
  'elasticache', 'redis', 'memcache', 'memcached', 'memorydb', 'opensearch', 'elasticsearch',
  // storage
  'bucket', 'storage', 'volume', 'disk', 'ebs', 'efs', 'fsx', 'filesystem', 'filestore', 'share',
  'glacier', 'snapshot', 'backup', 'persistent', 'pvc', 'log',
  // queues and streams
  'sqs', 'queue', 'kinesis', 'stream', 'pubsub', 'kafka', 'msk', 'eventhub',
  // keys and secrets: re-creating them makes what they encrypted or protected unreadable
  'kms', 'vault', 'secret', 'secretsmanager',
  // containers of everything above
  'cluster', 'namespace', 'project', 'repository', 'registry', 'ecr',
]);

// Words that look like data but name something stateless in these types.
const STATELESS_TYPES = /^(aws_(iam|security_group|cloudfront_cache_policy|db_parameter_group|db_subnet_group|db_option_group|rds_cluster_parameter_group|kms_alias|elasticache_parameter_group|elasticache_subnet_group|volume_attachment|(main_)?route_table)|google_(project_iam|project_service|kms_crypto_key_iam|storage_bucket_iam)|azurerm_(role|key_vault_access_policy|route_table))/;

/** True when replacing a resource of this type would destroy stored data. */
export function holdsData(type: string): boolean {
  if (STATELESS_TYPES.test(type)) return false;
  return splitIdentifier(type).some((word) => DATA_WORDS.has(word));
}

/**
 * Resource type of a Terraform address: `module.db.aws_db_instance.main[0]` → `aws_db_instance`.
 * Undefined for data sources and malformed addresses.
 */
export function terraformAddressType(address: string): string | undefined {
  // Drop instance keys first: `["a.b"]` may hold dots.
  let plain = '';
  let depth = 0;
  for (const ch of address) {
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) plain += ch;
  }
  const parts = plain.split('.');
  let i = 0;
  while (parts[i] === 'module') i += 2;
  if (parts[i] === 'data') return undefined;
  return parts[i] && parts.length - i >= 2 ? parts[i] : undefined;
}

/** Resource type of a Pulumi URN: `urn:pulumi:prod::app::aws:rds/instance:Instance::main` → `aws:rds/instance:Instance`. */
export function pulumiUrnType(urn: string): string | undefined {
  const parts = urn.split('::');
  if (parts.length < 4 || !parts[0].startsWith('urn:pulumi:')) return undefined;
  const chain = parts[2];
  return chain.slice(chain.lastIndexOf('$') + 1) || undefined;
}
