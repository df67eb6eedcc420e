import { Assembly, checkTranslatedNames, fixPythonNames, realName, rosettaPythonName, TargetLanguage } from '../scripts/translated-names';

/** A construct and its props, shaped like ours: the props extend a struct of options. */
const assembly: Assembly = {
  types: {
    'lib.Options': { kind: 'interface', name: 'Options', datatype: true, properties: [{ name: 'image' }] },
    'lib.ExampleProps': {
      kind: 'interface',
      name: 'ExampleProps',
      datatype: true,
      interfaces: ['lib.Options'],
      properties: [{ name: 'memoryLimitMiB' }, { name: 'healthCheckPath' }],
    },
    'lib.Example': {
      kind: 'class',
      name: 'Example',
      initializer: {
        parameters: [
          { name: 'scope', type: { fqn: 'constructs.Construct' } },
          { name: 'id', type: {} },
          { name: 'props', type: { fqn: 'lib.ExampleProps' } },
        ],
      },
      methods: [{ name: 'addService', parameters: [{ name: 'id', type: {} }, { name: 'options', type: { fqn: 'lib.Options' } }] }],
    },
  },
};

/** A document as jsii-docgen renders it with --readme: the README, then the API reference. */
function rendered(language: TargetLanguage, readmeExample: string, apiReference = ''): string {
  return `# My library\n\n\`\`\`${language}\n${readmeExample}\n\`\`\`\n\n# API Reference <a name="API Reference"></a>\n\n${apiReference}`;
}

function wrongNames(language: TargetLanguage, markdown: string): string[] {
  return checkTranslatedNames(markdown, language, assembly).problems.map(problem => problem.name);
}

describe('the names pacmak gives', () => {
  test('keep MiB one word in Python, as codemaker does', () => {
    expect(realName('memoryLimitMiB', 'python')).toBe('memory_limit_mib');
    expect(realName('healthCheckPath', 'python')).toBe('health_check_path');
  });

  test('are the jsii name in Java and its capitalized form in Go', () => {
    expect(realName('memoryLimitMiB', 'java')).toBe('memoryLimitMiB');
    expect(realName('memoryLimitMiB', 'go')).toBe('MemoryLimitMiB');
  });

  test('differ from rosetta\'s Python where it splits MiB', () => {
    expect(rosettaPythonName('memoryLimitMiB')).toBe('memory_limit_mi_b');
    expect(rosettaPythonName('healthCheckPath')).toBe('health_check_path');
    expect(rosettaPythonName('PrivateEcsHttpApi')).toBe('PrivateEcsHttpApi');
  });
});

describe('fixPythonNames', () => {
  const typescript = "const memoryLimitMiB = 1024;\nnew Example(this, 'Api', { memoryLimitMiB, healthCheckPath: '/' });";

  test('puts the package\'s name where rosetta split MiB, for the keyword and the variable alike', () => {
    const python = 'memory_limit_mi_b = 1024\nExample(self, "Api", memory_limit_mi_b=memory_limit_mi_b, health_check_path="/")';
    expect(fixPythonNames(python, typescript))
      .toBe('memory_limit_mib = 1024\nExample(self, "Api", memory_limit_mib=memory_limit_mib, health_check_path="/")');
  });

  test('leaves Python keywords alone, though pacmak would suffix a member named like one', () => {
    const python = 'from aws_cdk import Stack';
    expect(fixPythonNames(python, 'import { Stack } from \'aws-cdk-lib\';\nconst from = 1;')).toBe(python);
  });
});

describe('checkTranslatedNames', () => {
  test('accepts the package\'s names in a Python constructor, its props and a method\'s options', () => {
    const markdown = rendered('python', [
      'api = Example(self, "Api",',
      '    image=image,  # a comment, then the next keyword',
      '    memory_limit_mib=1024,',
      '    health_check_path="/health"',
      ')',
      'api.add_service("Orders", image=ecs.ContainerImage.from_registry("a=b"))',
      'ExampleProps(image=image)',
    ].join('\n'));
    expect(checkTranslatedNames(markdown, 'python', assembly)).toEqual({ checked: 5, problems: [] });
  });

  test('fails on rosetta\'s memory_limit_mi_b, naming the package\'s', () => {
    const { problems } = checkTranslatedNames(rendered('python', 'Example(self, "Api", memory_limit_mi_b=1024)'), 'python', assembly);
    expect(problems.map(problem => problem.message)).toEqual([
      '`memory_limit_mi_b` given to `Example(`: the package\'s name is `memory_limit_mib`',
      '`memory_limit_mi_b` is rosetta\'s name for `memoryLimitMiB`; the package\'s is `memory_limit_mib`',
    ]);
  });

  test('fails on a keyword that no member has, in a call or a method', () => {
    expect(wrongNames('python', rendered('python', 'Example(self, "Api", health_path="/")\napi.add_service("x", memory_limit_mib=1)')))
      .toEqual(['health_path', 'memory_limit_mib']);
  });

  test('reads the examples of the API reference, not its signatures', () => {
    const reference = [
      '```python', 'Example(', '  scope: Construct,', '  memory_limit_mi_b: typing.Union[int, float] = None', ')', '```', '',
      '*Example*', '', '```python', 'Example(self, "Api", helth_check_path="/")', '```', '',
    ].join('\n');
    expect(wrongNames('python', rendered('python', 'pass', reference))).toEqual(['helth_check_path']);
  });

  test('fails on a Java builder setter that the props do not have, past comments', () => {
    const java = [
      'Example.Builder.create(this, "Api")',
      '        .image(ContainerImage.fromRegistry("a(b"))  // a comment',
      '        .memoryLimitMib(1024)',
      '        .build();',
      'api.addService("Orders", ExampleProps.builder().healthCheckPath("/").build());',
    ].join('\n');
    expect(checkTranslatedNames(rendered('java', java), 'java', assembly).checked).toBe(3);
    expect(wrongNames('java', rendered('java', java))).toEqual(['memoryLimitMib']);
  });

  test('fails on a Go struct field that the struct does not have, with or without its package', () => {
    const go = [
      'NewExample(this, jsii.String("Api"), &ExampleProps{',
      '\tImage: image,',
      '\t // a comment rosetta puts after the comma',
      '\tMemoryLimitMib: jsii.Number(1024),',
      '\tEnvironment: &map[string]*string{"GREETING": jsii.String("a: b")},',
      '})',
      'api.AddService(jsii.String("Orders"), &lib.Options{Image: image})',
    ].join('\n');
    expect(wrongNames('go', rendered('go', go))).toEqual(['MemoryLimitMib', 'Environment']);
  });
});
