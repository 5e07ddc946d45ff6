// A live picture of the form as visitors will see it, drawn from the builder's current values.
import { Button, Checkbox, Paper, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { BuilderField, BuilderValues } from './builder-values.ts';
import type { PropertyInfo } from './field-catalogue.ts';

function PreviewField({ field, info }: { field: BuilderField; info: PropertyInfo | undefined }) {
  const common = { label: field.label || 'Untitled field', description: field.helpText || undefined, withAsterisk: field.required };
  const options = info?.options ?? [];
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} placeholder={field.placeholder} autosize minRows={3} />;
    case 'select':
      return <Select {...common} placeholder={field.placeholder || 'Choose…'} data={options} comboboxProps={{ withinPortal: false }} />;
    case 'radio':
      return (
        <Radio.Group {...common}>
          <Stack gap={6} mt={6}>
            {options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'checkboxes':
      return (
        <Checkbox.Group {...common}>
          <Stack gap={6} mt={6}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'checkbox':
      return <Checkbox label={common.label} description={common.description} />;
    default:
      return <TextInput {...common} type={field.type === 'tel' ? 'tel' : field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'} placeholder={field.placeholder} />;
  }
}

export function FormPreview({ values, catalogue }: { values: BuilderValues; catalogue: PropertyInfo[] }) {
  const byProperty = new Map(catalogue.map((p) => [p.property, p]));
  return (
    <Paper p="xl" radius="lg" bg="var(--mantine-color-body)" shadow="sm" aria-label="Form preview" data-testid="form-preview">
      <div>
        <Stack gap="md">
          <Title order={3} fz={22}>
            {values.name || 'Untitled form'}
          </Title>
          {values.fields.map((f) => (
            <PreviewField key={f.uid} field={f} info={byProperty.get(f.property)} />
          ))}
          {values.consentEnabled && (
            <Checkbox
              label={
                <Text fz="sm" c="dimmed" span>
                  {values.consentText || 'Consent wording'}
                  {values.consentRequired && (
                    <Text span c="red" ml={4}>
                      *
                    </Text>
                  )}
                </Text>
              }
            />
          )}
          <Button type="button" fullWidth size="md" tabIndex={-1}>
            {values.submitLabel || 'Submit'}
          </Button>
        </Stack>
      </div>
    </Paper>
  );
}
