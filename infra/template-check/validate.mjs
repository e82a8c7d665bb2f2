// Offline CloudFormation/SAM check of a template against AWS's resource specification (@aws-cdk/aws-service-spec):
// known resource types, known and required properties (nested ones too), and every Ref, GetAtt, Sub and
// Condition pointing at something that exists; a broken copy must fail, or the check itself is broken.
// Usage: node validate.mjs template.yaml
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';

const require = createRequire(import.meta.url);
const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(require.resolve('@aws-cdk/aws-service-spec/db.json.gz'))));
const resourceTypes = new Map(Object.values(db.schema.resource.entities).map(r => [r.cloudFormationType, r]));
const typeDefinitions = Object.fromEntries(Object.values(db.schema.typeDefinition.entities).map(t => [t.$id, t]));

// SAM properties newer than the SAM part of the specification; SAM passes them to AWS::Lambda::Function as-is.
const SAM_FUNCTION_PASSTHROUGH = ['SnapStart', 'LoggingConfig', 'RuntimeManagementConfig', 'RecursiveLoop'];
// SAM documents both destinations as optional (one is enough), but the SAM part of the specification marks both
// required: only this pair is exempt from the required check.
const SAM_OPTIONAL = new Set(['EventInvokeDestinationConfig.OnSuccess', 'EventInvokeDestinationConfig.OnFailure']);
const PSEUDO = new Set(['AWS::AccountId', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs']);

const tags = [['Ref', 'Ref'], ...['Sub', 'GetAtt', 'If', 'Equals', 'Not', 'And', 'Or', 'Join', 'Select', 'Split',
  'FindInMap', 'Base64', 'GetAZs', 'ImportValue', 'Condition'].map(n => [n, `Fn::${n}`])];
const schema = yaml.DEFAULT_SCHEMA.extend(tags.flatMap(([tag, key]) => ['scalar', 'sequence', 'mapping'].map(kind =>
  new yaml.Type(`!${tag}`, { kind, construct: data => ({ [key]: tag === 'GetAtt' && kind === 'scalar' ? data.split('.') : data }) }))));

// filled by problemsOf for the template it is checking
let problems = [];

const isIntrinsic = value => value && typeof value === 'object' && !Array.isArray(value)
  && Object.keys(value).length === 1 && /^(Ref|Fn::)/.test(Object.keys(value)[0]);

function checkProperties(where, value, properties, required = true, typeName = '') {
  if (isIntrinsic(value) || value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const name of Object.keys(value)) {
    if (!properties[name]) problems.push(`${where}: unknown property ${name}`);
    else checkValue(`${where}.${name}`, value[name], properties[name].type);
  }
  if (required) {
    for (const [name, spec] of Object.entries(properties)) {
      if (spec.required && !(name in value) && !SAM_OPTIONAL.has(`${typeName}.${name}`)) problems.push(`${where}: required property ${name} missing`);
    }
  }
}

function checkValue(where, value, type) {
  if (!type || isIntrinsic(value)) return;
  if (type.type === 'ref') {
    const definition = typeDefinitions[type.reference.$ref];
    checkProperties(where, value, definition?.properties ?? {}, true, definition?.name);
  } else if ((type.type === 'array' || type.type === 'map') && value && typeof value === 'object') {
    for (const [key, element] of Object.entries(value)) checkValue(`${where}[${key}]`, element, type.element);
  } else if (type.type === 'union') {
    // several shapes are allowed; checking one would wrongly reject the others
  }
}

/** Every problem of one template, as lines. */
function problemsOf(template) {
  problems = [];
  const resources = template.Resources ?? {};
  const parameters = template.Parameters ?? {};
  const conditions = template.Conditions ?? {};
  // Globals.Function: SAM copies these into every function, so they must be function properties.
  const samFunction = resourceTypes.get('AWS::Serverless::Function').properties;
  const functionProperties = { ...samFunction };
  for (const name of SAM_FUNCTION_PASSTHROUGH) functionProperties[name] = resourceTypes.get('AWS::Lambda::Function').properties[name];
  checkProperties('Globals.Function', template.Globals?.Function ?? {}, functionProperties, false);

  for (const [name, resource] of Object.entries(resources)) {
    const spec = resourceTypes.get(resource.Type);
    if (!spec) { problems.push(`${name}: unknown resource type ${resource.Type}`); continue; }
    const properties = resource.Type === 'AWS::Serverless::Function' ? functionProperties : spec.properties;
    // a SAM function may take CodeUri/Runtime/Handler from Globals, so SAM's "required" is not checked here
    checkProperties(name, resource.Properties ?? {}, properties, !resource.Type.startsWith('AWS::Serverless::'));
    if (resource.Condition && !conditions[resource.Condition]) problems.push(`${name}: unknown condition ${resource.Condition}`);
  }

  // References: resources, parameters, pseudo parameters, SAM's generated <Function>.Alias / .Version, and the
  // dead-letter queues SAM creates under the QueueLogicalId an event names.
  const samQueues = new Set(Object.values(resources).filter(r => r.Type === 'AWS::Serverless::Function')
    .flatMap(r => Object.values(r.Properties?.Events ?? {}))
    .map(event => event.Properties?.DeadLetterConfig?.QueueLogicalId).filter(Boolean));
  const samGenerated = name => (/^(\w+)\.(Alias|Version)$/.test(name) && resources[name.split('.')[0]]?.Type === 'AWS::Serverless::Function')
    || samQueues.has(name);
  const isResource = name => name in resources || samQueues.has(name);
  const known = name => isResource(name) || name in parameters || PSEUDO.has(name) || samGenerated(name);
  (function walk(where, node) {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(`${where}[${i}]`, item));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Ref' && !known(value)) problems.push(`${where}: Ref to unknown ${value}`);
      if (key === 'Fn::GetAtt' && !isResource(value[0])) problems.push(`${where}: GetAtt of unknown ${value[0]}`);
      if (key === 'Fn::If' && !conditions[value[0]]) problems.push(`${where}: If on unknown condition ${value[0]}`);
      if (key === 'Fn::Sub') {
        const text = Array.isArray(value) ? value[0] : value;
        const local = Array.isArray(value) ? Object.keys(value[1] ?? {}) : [];
        for (const [, ref] of text.matchAll(/\$\{([^}!]+)}/g)) {
          const base = ref.split('.')[0];
          if (!local.includes(ref) && !known(ref) && !isResource(base)) problems.push(`${where}: Sub of unknown ${ref}`);
        }
      }
      walk(`${where}.${key}`, value);
    }
  })('template', { Resources: resources, Outputs: template.Outputs, Globals: template.Globals, Rules: template.Rules });
  return problems;
}

const template = yaml.load(fs.readFileSync(process.argv[2], 'utf8'), { schema });
const found = problemsOf(template);
// the validator shows it can fail: a copy with an unknown property and a dangling Ref must give two problems
const broken = structuredClone(template);
const [firstResource] = Object.values(broken.Resources);
firstResource.Properties = { ...firstResource.Properties, NoSuchProperty: true };
broken.Outputs = { ...broken.Outputs, Dangling: { Value: { Ref: 'NoSuchResource' } } };
if (problemsOf(broken).length !== found.length + 2) {
  console.error('validate.mjs: a deliberately broken copy of the template was not refused; the validator is broken');
  process.exit(2);
}

if (found.length) {
  found.forEach(p => console.error(`template: ${p}`));
  console.error(`${process.argv[2]}: ${found.length} problem(s)`);
  process.exit(1);
}
console.log(`${process.argv[2]}: ${Object.keys(template.Resources).length} resources valid against the AWS resource specification`);
