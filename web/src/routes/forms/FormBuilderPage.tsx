// The form builder, for a new form (/forms/new) and an existing one (/forms/{id}/edit): settings on
// the left, a live preview on the right. Mistakes show next to their inputs, the API's too.
import { Alert, Button, Card, Checkbox, Collapse, Grid, Group, SegmentedControl, Skeleton, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { useCanEditForms, useFormDetail, type Form, type FormInput } from '../../queries/forms.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { builderPath, builderValidation, toBuilderValues, toFormInput, type BuilderValues } from './builder-values.ts';
import { propertyCatalogue } from './field-catalogue.ts';
import { FieldList } from './FieldList.tsx';
import { FormPreview } from './FormPreview.tsx';

const editRoute = getRouteApi('/app/forms/$formId/edit');

export function NewFormPage() {
  return <FormBuilder form={null} />;
}

export function EditFormPage() {
  const { formId } = editRoute.useParams();
  const form = useFormDetail(formId);
  if (form.error) {
    return (
      <Alert color="red" title="Could not load this form">
        {errorMessage(form.error)}
      </Alert>
    );
  }
  if (!form.data) return <Skeleton height={480} />;
  return <FormBuilder key={form.data.id} form={form.data} />;
}

function Section({ title, description, action, children }: { title: string; description?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card p="lg">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <div>
          <Text fw={650}>{title}</Text>
          {description && (
            <Text fz="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function FormBuilder({ form: existing }: { form: Form | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCanEditForms();
  const customFields = useCustomFields('contact');
  const catalogue = useMemo(() => propertyCatalogue(customFields.fields), [customFields.fields]);
  const builder = useForm<BuilderValues>({ initialValues: toBuilderValues(existing), validate: builderValidation });
  const v = builder.values;

  const save = useMutation({
    mutationFn: (body: FormInput) =>
      existing
        ? unwrap(api.PATCH('/api/v1/forms/{id}', { params: { path: { id: existing.id } }, body }))
        : unwrap(api.POST('/api/v1/forms', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['forms', 'one', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['forms', 'list'] });
      notifySuccess(existing ? 'Form saved' : 'Form created', saved.name);
      void navigate({ to: '/forms/$formId', params: { formId: saved.id } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.length) {
        builder.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [builderPath(e.path), e.message])));
      }
      notifyError(error, 'Could not save the form');
    },
  });

  const showFirstProblem = (errors: Record<string, unknown>) => {
    notifyError(new Error(String(Object.values(errors)[0] ?? 'Fix the highlighted fields first.')), 'Not saved yet');
    // bring the first flagged input into view (it may be far down the page)
    requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
  };

  const back = existing ? (
    <AnchorLink to="/forms/$formId" params={{ formId: existing.id }} fz="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} /> {existing.name}
      </Group>
    </AnchorLink>
  ) : (
    <AnchorLink to="/forms" fz="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} /> Forms
      </Group>
    </AnchorLink>
  );

  if (!canEdit) {
    return (
      <Stack>
        {back}
        <Alert color="yellow" title="Read only">
          Only admins and marketers can build forms.
        </Alert>
      </Stack>
    );
  }

  return (
    <form onSubmit={builder.onSubmit((values) => save.mutate(toFormInput(values)), showFirstProblem)} noValidate>
      <PageHeader
        before={back}
        title={existing ? 'Edit form' : 'New form'}
        description="Fields fill the contact's properties; every submission creates or updates the contact by email."
        actions={
          <>
            <Button variant="default" onClick={() => (existing ? navigate({ to: '/forms/$formId', params: { formId: existing.id } }) : navigate({ to: '/forms' }))}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {existing ? 'Save form' : 'Create form'}
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title="Basics">
              <Stack gap="sm">
                <TextInput label="Form name" description="The title visitors see" placeholder="Book a demo" data-autofocus {...builder.getInputProps('name')} />
                <TextInput label="Button label" w={280} {...builder.getInputProps('submitLabel')} />
                <Switch
                  label="Accepting submissions"
                  description="A paused form tells visitors it is closed"
                  checked={v.status === 'active'}
                  onChange={(e) => builder.setFieldValue('status', e.currentTarget.checked ? 'active' : 'paused')}
                />
              </Stack>
            </Section>

            <Section title="Fields" description="Drag to reorder. Each field saves to a contact property or custom field.">
              {customFields.isPending ? <Skeleton height={120} /> : <FieldList form={builder} catalogue={catalogue} />}
            </Section>

            <Section
              title="Consent"
              description="A checkbox with your wording; Tandem keeps what each person agreed to, when, and from where."
              action={<Switch aria-label="Ask for consent" {...builder.getInputProps('consentEnabled', { type: 'checkbox' })} />}
            >
              <Collapse expanded={v.consentEnabled}>
                <Stack gap="sm">
                  <Textarea label="Wording" autosize minRows={2} {...builder.getInputProps('consentText')} />
                  <Checkbox label="Visitors must tick it to submit" {...builder.getInputProps('consentRequired', { type: 'checkbox' })} />
                </Stack>
              </Collapse>
              {!v.consentEnabled && (
                <Text fz="sm" c="dimmed">
                  No consent checkbox on this form.
                </Text>
              )}
            </Section>

            <Section title="After submitting">
              <Stack gap="sm">
                <SegmentedControl
                  w={320}
                  data={[
                    { value: 'message', label: 'Show a message' },
                    { value: 'redirect', label: 'Go to a page' },
                  ]}
                  {...builder.getInputProps('afterSubmit')}
                />
                {v.afterSubmit === 'message' ? (
                  <Textarea label="Thank-you message" autosize minRows={2} {...builder.getInputProps('thankYouMessage')} />
                ) : (
                  <TextInput label="Redirect URL" placeholder="https://www.example.com/thanks" {...builder.getInputProps('redirectUrl')} />
                )}
                <Switch
                  mt="xs"
                  label="Double opt-in"
                  description="Email a confirmation link; the submission and consent count as confirmed once it is opened."
                  {...builder.getInputProps('doubleOptIn', { type: 'checkbox' })}
                />
              </Stack>
            </Section>

            <Section title="Notifications" description="Who hears about each new submission.">
              <TagsInput
                label="Email these people"
                placeholder="name@company.com, then Enter"
                splitChars={[',', ' ', ';']}
                clearable
                {...builder.getInputProps('notificationEmails')}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 72 }}>
            <Text fw={650} mb="sm">
              Preview
            </Text>
            <div style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 'var(--mantine-radius-lg)', padding: 'var(--mantine-spacing-lg)' }}>
              <FormPreview values={v} catalogue={catalogue} />
            </div>
          </div>
        </Grid.Col>
      </Grid>
    </form>
  );
}
