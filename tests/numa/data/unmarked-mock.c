/* A mock that replaces a function no header marks GVIR_MOCKABLE:
 * check-mockable.py must reject it. Never compiled. */
int
gvir_numa_unmarked_query (int node)
{
  return node;
}
